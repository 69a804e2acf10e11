import { ResponseError } from '@backstage/errors';
import {
  CloudType,
  ClusterPhase,
  ClusterSummary,
  ImportMode,
  ProfileRef,
  RenderedObject,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { validationMessagesOf } from '../profiles/utils';

/** `name@version`; imported clusters, built from no profile, show `imported`. */
export const profileRefText = (ref: ProfileRef | undefined) =>
  ref ? `${ref.name}@${ref.version}` : 'imported';

/** Whether two sets of profile refs hold the same profiles at the same versions, in any order. */
export const sameProfileRefs = (a: ProfileRef[], b: ProfileRef[]) =>
  a.length === b.length &&
  a.every(x => b.some(y => y.name === x.name && y.version === x.version));

/** The colour families of status chips. */
export type ChipTone = 'ok' | 'progress' | 'warning' | 'error' | 'idle';

/** How a status is shown: its colour family and what it means. */
export interface StatusStyle {
  tone: ChipTone;
  help: string;
}

/** How a phase is shown: its colour family and what it means. */
export const PHASE_STYLES: Readonly<Record<ClusterPhase, StatusStyle>> = {
  PendingApproval: {
    tone: 'warning',
    help: 'Waiting for an approver to approve or reject the request; nothing is created until then',
  },
  Rejected: {
    tone: 'idle',
    help: 'The request was rejected (or its approval expired); nothing was created',
  },
  Requested: {
    tone: 'progress',
    help: 'Stored; waiting to be applied to the management cluster',
  },
  Provisioning: {
    tone: 'progress',
    help: 'Cluster API is creating the machines and the control plane',
  },
  Running: { tone: 'ok', help: 'Available, every node up to date' },
  Updating: {
    tone: 'progress',
    help: 'A new version is rolling out, node by node',
  },
  Scaling: { tone: 'progress', help: 'Node counts are moving to new targets' },
  Degraded: {
    tone: 'warning',
    help: 'Was running; now reports failing conditions',
  },
  Deleting: {
    tone: 'progress',
    help: 'Cluster API is tearing the cluster down',
  },
  Deleted: { tone: 'idle', help: 'Every object is gone; kept for history' },
  Failed: {
    tone: 'error',
    help: 'Did not become available in time; see the last error',
  },
  Importing: {
    tone: 'progress',
    help: 'Imported by kubeconfig; the first discovery of its nodes and add-ons is under way',
  },
  Unreachable: {
    tone: 'error',
    help: 'Imported cluster whose API server does not answer with the stored kubeconfig',
  },
};

/** What each import mode means, in one line. */
export const IMPORT_MODE_HELP: Readonly<Record<ImportMode, string>> = {
  'read-only':
    'Inventory, health, cost and compliance only; Palette applies nothing to the cluster',
  managed:
    'Palette applies add-on profiles to the cluster and keeps them in sync; the rest stays managed elsewhere',
};

/** Which kinds of change Palette may make to a cluster. */
export interface ApplicableChanges {
  /** Another version of its profile. */
  version: boolean;
  /** Scale, add and remove worker pools. */
  pools: boolean;
  /** Another set of add-on profiles. */
  addOns: boolean;
  /** Pause and resume reconciliation. */
  pause: boolean;
  /** Download the admin kubeconfig. */
  kubeconfig: boolean;
}

/**
 * What Palette may change on a cluster, by how the cluster came to be.
 * Imported clusters were built elsewhere, from no profile and with no
 * machines of Palette's, and their kubeconfig is never handed out again:
 * managed imports change their add-on profiles only, read-only imports
 * nothing (they are rediscovered or detached).
 */
export function applicableChanges(
  cluster: Pick<ClusterSummary, 'imported'>,
): ApplicableChanges {
  if (!cluster.imported)
    return {
      version: true,
      pools: true,
      addOns: true,
      pause: true,
      kubeconfig: true,
    };
  return {
    version: false,
    pools: false,
    addOns: cluster.imported.mode === 'managed',
    pause: false,
    kubeconfig: false,
  };
}

/** Managed control planes have no machines to size. */
export const MANAGED_CONTROL_PLANE_CLOUDS: readonly CloudType[] = [
  'eks',
  'aks',
  'gke',
];

/**
 * Whether a phase allows changes (upgrade, scale, pools, pause, kubeconfig):
 * not while deleting or deleted, nor while the request waits for an
 * approval or after it was rejected (nothing exists then).
 */
export const canChangeInPhase = (phase: ClusterPhase) =>
  phase !== 'Deleting' &&
  phase !== 'Deleted' &&
  phase !== 'PendingApproval' &&
  phase !== 'Rejected';

/**
 * Whether a cluster in a phase may be deleted; a request waiting for an
 * approval may be withdrawn that way.
 */
export const canDeleteInPhase = (phase: ClusterPhase) =>
  phase !== 'Deleting' && phase !== 'Deleted' && phase !== 'Rejected';

/**
 * A field path in one spelling, so that `workerPools[0].name`,
 * `workerPools.0.name` and `/workerPools/0/name` all name the same field.
 */
export function normalizeFieldPath(path: string | Array<PropertyKey>): string {
  if (Array.isArray(path)) return path.map(String).join('.');
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\[["']([^"']*)["']\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '');
}

/** An error about one field of a form. */
export const formError = (
  field: string,
  message: string,
  code = 'form',
): ValidationMessage => ({ severity: 'error', code, field, message });

/** One issue of a failed schema check (zod's shape, without needing zod). */
export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/**
 * Adds the issues of a failed schema check to a form's messages, one error
 * per field: a field the form's own checks already named keeps their words.
 * `word` may say an issue in words of the form, or return undefined to leave
 * it unsaid.
 */
export function addSchemaIssues(
  messages: ValidationMessage[],
  issues: ReadonlyArray<SchemaIssue>,
  options: {
    code?: string;
    word?: (field: string, issue: SchemaIssue) => string | undefined;
  } = {},
): void {
  const { code = 'form', word = (_, issue) => issue.message } = options;
  for (const issue of issues) {
    const field = normalizeFieldPath([...issue.path]);
    if (messages.some(m => m.field === field)) continue;
    const message = word(field, issue);
    if (message !== undefined) messages.push(formError(field, message, code));
  }
}

/**
 * The validation messages an error carries: those in its body, or else the
 * `field: message; field: message` parts of the message of an InputError
 * (400) or of a governance refusal (403).
 */
export function fieldMessagesOf(error: unknown): ValidationMessage[] {
  const carried = validationMessagesOf(error);
  if (carried.length) return carried;
  if (
    !ResponseError.is(error) ||
    (error.statusCode !== 400 && error.statusCode !== 403)
  )
    return [];
  // A sentence may lead the list: `Governance does not allow this request: region: ...`.
  const text: string = (error.body?.error?.message ?? '').replace(
    /^[A-Z][^:;]*\s[^:;]*:\s+(?=[A-Za-z][\w.[\]/-]*:\s)/,
    '',
  );
  const messages: ValidationMessage[] = [];
  for (const part of text.split(/;\s*/)) {
    const match = /^([A-Za-z][\w.[\]/-]*):\s+(.+)$/.exec(part.trim());
    if (match)
      messages.push({
        severity: 'error',
        code: 'input',
        field: normalizeFieldPath(match[1]),
        message: match[2],
      });
  }
  return messages;
}

/** Messages sorted by the field they are about (normalized), and the rest. */
export interface MessagesByField {
  byField: ReadonlyMap<string, ValidationMessage[]>;
  general: ValidationMessage[];
  /** The messages of a field, in any spelling of its path. */
  messagesOf(field: string): ValidationMessage[] | undefined;
}

/** Sorts messages by field; those whose field no form input shows are general. */
export function groupMessagesByField(
  messages: ValidationMessage[],
  isShown: (field: string) => boolean,
): MessagesByField {
  const byField = new Map<string, ValidationMessage[]>();
  const general: ValidationMessage[] = [];
  for (const message of messages) {
    const field = normalizeFieldPath(message.field);
    if (field && isShown(field))
      byField.set(field, [...(byField.get(field) ?? []), message]);
    else general.push(message);
  }
  return {
    byField,
    general,
    messagesOf: field => byField.get(normalizeFieldPath(field)),
  };
}

/** The text under an input: its messages, else its help. */
export function helperTextOf(
  messages: ValidationMessage[] | undefined,
  help?: string,
): { error: boolean; helperText?: string } {
  if (!messages?.length) return { error: false, helperText: help };
  return {
    error: messages.some(m => m.severity === 'error'),
    helperText: messages.map(m => m.message).join('; '),
  };
}

/** How many rendered objects there are of each kind, most first. */
export function countByKind(
  objects: Array<Pick<RenderedObject, 'kind'>>,
): Array<{ kind: string; count: number }> {
  const counts = new Map<string, number>();
  for (const o of objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  return [...counts.entries()]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

/** `just now`, `5 min ago`, `3 h ago`, `2 days ago`. */
export function formatAge(iso: string, now = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** `1 node`, `3 nodes`. */
export const plural = (n: number, word: string) =>
  `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * How long deletion runs before the page offers force delete. palette-backend
 * decides (`palette.clusters.forceDeleteAfter`) and says so when it refuses;
 * this only keeps the button away from deletions that are merely under way.
 */
export const FORCE_DELETE_HINT_MS = 5 * 60_000;

/** Whether a deletion looks stuck: running for a while, or reporting an error. */
export function isDeletionStuck(
  cluster: {
    phase: ClusterPhase;
    deletionRequestedAt?: string;
    lastError?: unknown;
  },
  now = Date.now(),
): boolean {
  if (cluster.phase !== 'Deleting') return false;
  if (cluster.lastError) return true;
  const since = cluster.deletionRequestedAt
    ? Date.parse(cluster.deletionRequestedAt)
    : Number.NaN;
  return !Number.isNaN(since) && now - since >= FORCE_DELETE_HINT_MS;
}
