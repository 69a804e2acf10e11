import { z } from 'zod';
import { cloudTypeSchema } from '../packs/types';

/**
 * A reference to credentials that already exist on the management cluster
 * (an `AWSClusterRoleIdentity`, an `AzureClusterIdentity`, a Secret...). The
 * product never holds or renders the credentials themselves.
 *
 * @public
 */
export const credentialRefSchema = z.object({
  kind: z.string().min(1),
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
});
/** @public */
export type CredentialRef = z.infer<typeof credentialRefSchema>;

/**
 * A cloud account as configured in `palette.cloudAccounts`: which provider it
 * is for, the credential reference the renderers put on the infrastructure
 * objects, provider settings that are not secret (Azure subscription, GCP
 * project, vCenter server and thumbprint, OpenStack cloud name...), and the
 * regions (or placements) clusters may use.
 *
 * @public
 */
export const cloudAccountSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label'),
  displayName: z.string().optional(),
  cloudType: cloudTypeSchema.exclude(['all']),
  credentialRef: credentialRefSchema.optional(),
  settings: z.record(z.string(), z.string()).default({}),
  regions: z.array(z.string().min(1)).min(1),
});
/** @public */
export type CloudAccount = z.infer<typeof cloudAccountSchema>;

/**
 * A cloud account as the API shows it: no credential reference, so that not
 * even the names of identities leak to every reader.
 *
 * @public
 */
export interface CloudAccountSummary {
  name: string;
  displayName?: string;
  cloudType: CloudAccount['cloudType'];
  regions: string[];
}
