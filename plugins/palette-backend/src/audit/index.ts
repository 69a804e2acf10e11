/** The audit log of palette-backend. */
export {
  AUDIT_EVENTS_TABLE,
  AuditLog,
  DEFAULT_AUDIT_LIMIT,
  MAX_AUDIT_LIMIT,
} from './AuditLog';
export type { AuditEventInput, AuditLogOptions } from './AuditLog';
