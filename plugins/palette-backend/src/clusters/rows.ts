import {
  ApprovalState,
  ClusterPhase,
  ImportMode,
} from '@palette-backstage/plugin-palette-common';
import { parseJson, toBoolean, toIsoTimestamp } from '../database/util';
import { ClusterRecord, ImportedClusterState } from './types';

/** The tables of clusters and their timeline (created by the package's migrations). */
export const CLUSTERS_TABLE = 'palette_clusters';
export const CLUSTER_EVENTS_TABLE = 'palette_cluster_events';

/** A row of `palette_clusters` as knex returns it on SQLite and PostgreSQL. */
export interface ClusterRow {
  id: string;
  name: string;
  active_name: string | null;
  management_cluster: string;
  namespace: string;
  provider: string;
  region: string;
  cloud_account: string;
  owner: string;
  project: string;
  environment: string;
  profile_name: string | null;
  profile_version: string | null;
  addon_profiles: string;
  kubernetes_version: string | null;
  request: string;
  generation: number;
  applied_generation: number;
  applied_at: unknown;
  paused: unknown;
  deletion_requested_at: unknown;
  force_delete: unknown;
  phase: string;
  phase_since: unknown;
  message: string | null;
  status: string | null;
  ever_running: unknown;
  nodes_ready: number;
  nodes_desired: number;
  drifted: unknown;
  drift: string | null;
  inventory: string | null;
  reconcile_error: string | null;
  last_reconciled_at: unknown;
  lease_owner: string | null;
  lease_expires_at: unknown;
  created_at: unknown;
  created_by: string;
  updated_at: unknown;
  deleted_at: unknown;
  quota_nodes: number;
  quota_vcpus: number;
  monthly_cost: number;
  approval_state: string | null;
  approver_group: string | null;
  approval_expires_at: unknown;
  approval_decided_by: string | null;
  approval_decided_at: unknown;
  approval_comment: string | null;
  source: string;
  import_mode: string | null;
  import_secret: string | null;
  discovered_inventory: string | null;
  last_discovered_at: unknown;
  discovery_error: string | null;
}

const optionalTime = (value: unknown) =>
  value === null || value === undefined ? undefined : toIsoTimestamp(value);

const optional = <T>(value: T | null): T | undefined =>
  value === null ? undefined : value;

function importedStateOf(row: ClusterRow): ImportedClusterState {
  return {
    mode: row.import_mode as ImportMode,
    secretName: row.import_secret ?? '',
    ...(row.discovered_inventory
      ? { inventory: parseJson(row.discovered_inventory) }
      : {}),
    ...(row.last_discovered_at
      ? { lastDiscoveredAt: toIsoTimestamp(row.last_discovered_at) }
      : {}),
    ...(row.discovery_error ? { lastError: row.discovery_error } : {}),
  };
}

/** A stored row as the domain sees it. */
export function rowToRecord(row: ClusterRow): ClusterRecord {
  return {
    id: row.id,
    name: row.name,
    managementCluster: row.management_cluster,
    namespace: row.namespace,
    provider: row.provider as ClusterRecord['provider'],
    region: row.region,
    cloudAccount: row.cloud_account,
    owner: row.owner,
    project: row.project,
    environment: row.environment,
    ...(row.profile_name && row.profile_version
      ? { profile: { name: row.profile_name, version: row.profile_version } }
      : {}),
    addOnProfiles: parseJson(row.addon_profiles) ?? [],
    kubernetesVersion: optional(row.kubernetes_version),
    request: JSON.parse(row.request),
    generation: Number(row.generation),
    appliedGeneration: Number(row.applied_generation),
    appliedAt: optionalTime(row.applied_at),
    paused: toBoolean(row.paused),
    deletionRequestedAt: optionalTime(row.deletion_requested_at),
    forceDelete: toBoolean(row.force_delete),
    phase: row.phase as ClusterPhase,
    phaseSince: toIsoTimestamp(row.phase_since),
    message: optional(row.message),
    status: parseJson(row.status),
    everRunning: toBoolean(row.ever_running),
    nodes: {
      ready: Number(row.nodes_ready),
      desired: Number(row.nodes_desired),
    },
    drifted: toBoolean(row.drifted),
    drift: parseJson(row.drift) ?? [],
    inventory: parseJson(row.inventory) ?? [],
    reconcileError: optional(row.reconcile_error),
    lastReconciledAt: optionalTime(row.last_reconciled_at),
    createdAt: toIsoTimestamp(row.created_at),
    createdBy: row.created_by,
    updatedAt: toIsoTimestamp(row.updated_at),
    deletedAt: optionalTime(row.deleted_at),
    footprint: {
      nodes: Number(row.quota_nodes ?? 0),
      vcpus: Number(row.quota_vcpus ?? 0),
      monthlyCost: Number(row.monthly_cost ?? 0),
    },
    ...(row.source === 'imported' ? { imported: importedStateOf(row) } : {}),
    ...(row.approval_state
      ? {
          approval: {
            state: row.approval_state as ApprovalState,
            approverGroup: row.approver_group ?? '',
            expiresAt: toIsoTimestamp(row.approval_expires_at),
            ...(row.approval_decided_by
              ? { decidedBy: row.approval_decided_by }
              : {}),
            ...(row.approval_decided_at
              ? { decidedAt: toIsoTimestamp(row.approval_decided_at) }
              : {}),
            ...(row.approval_comment ? { comment: row.approval_comment } : {}),
          },
        }
      : {}),
  };
}
