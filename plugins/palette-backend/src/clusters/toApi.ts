import {
  ClusterApproval,
  ClusterImportInfo,
  ClusterDetails,
  ClusterSummary,
} from '@palette-backstage/plugin-palette-common';
import { ClusterRecord } from './types';

/** A cluster as lists show it. `latestVersion` is the profile's newest usable version. */
export function toClusterSummary(
  record: ClusterRecord,
  latestVersion?: string,
): ClusterSummary {
  return {
    name: record.name,
    phase: record.phase,
    phaseSince: record.phaseSince,
    ...(record.message ? { message: record.message } : {}),
    provider: record.provider,
    region: record.region,
    cloudAccount: record.cloudAccount,
    owner: record.owner,
    project: record.project,
    environment: record.environment,
    ...(record.profile ? { profile: record.profile } : {}),
    addOnProfiles: record.addOnProfiles,
    managementCluster: record.managementCluster,
    ...(record.imported ? { imported: importInfoOf(record) } : {}),
    ...(record.kubernetesVersion
      ? { kubernetesVersion: record.kubernetesVersion }
      : {}),
    paused: record.paused,
    nodes: record.nodes,
    drifted: record.drifted,
    ...(latestVersion &&
    record.profile &&
    latestVersion !== record.profile.version
      ? { updateAvailable: latestVersion }
      : {}),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
  };
}

/** How an imported cluster is shown: its mode and its last discovery. */
function importInfoOf(record: ClusterRecord): ClusterImportInfo {
  const imported = record.imported!;
  return {
    mode: imported.mode,
    importedAt: record.createdAt,
    ...(imported.inventory
      ? { distribution: imported.inventory.kubernetes.distribution }
      : {}),
    ...(imported.lastDiscoveredAt
      ? { lastDiscoveredAt: imported.lastDiscoveredAt }
      : {}),
    ...(imported.lastError ? { lastError: imported.lastError } : {}),
  };
}

/** A cluster with everything its page shows. */
export function toClusterDetails(
  record: ClusterRecord,
  latestVersion?: string,
): ClusterDetails {
  const status = record.status;
  const managed = status?.controlPlane.managed ?? false;
  const countsByPool = new Map(status?.pools.map(p => [p.name, p]) ?? []);
  return {
    ...toClusterSummary(record, latestVersion),
    request: record.request,
    ...(status?.progress ? { progress: status.progress } : {}),
    conditions: status?.conditions ?? [],
    controlPlane: {
      ...(status?.controlPlane.replicas
        ? { replicas: status.controlPlane.replicas }
        : {}),
      ...(status?.controlPlane.version
        ? { version: status.controlPlane.version }
        : {}),
      managed,
    },
    pools: record.request.workerPools.map(pool => {
      const observed = countsByPool.get(pool.name);
      return {
        name: pool.name,
        instanceType: pool.instanceType,
        count: pool.count,
        ...(pool.autoscaling ? { autoscaling: pool.autoscaling } : {}),
        kind: observed?.kind ?? (managed ? 'MachinePool' : 'MachineDeployment'),
        ...(observed?.replicas ? { replicas: observed.replicas } : {}),
        ...(observed?.version ? { version: observed.version } : {}),
      };
    }),
    ...(status?.lastError ? { lastError: status.lastError } : {}),
    drift: record.drift,
    ...(status?.apiServer ? { apiServer: status.apiServer } : {}),
    objects: record.inventory,
    ...(record.reconcileError ? { reconcileError: record.reconcileError } : {}),
    ...(record.lastReconciledAt
      ? { lastReconciledAt: record.lastReconciledAt }
      : {}),
    ...(record.deletionRequestedAt
      ? { deletionRequestedAt: record.deletionRequestedAt }
      : {}),
    ...(record.approval ? { approval: approvalOf(record) } : {}),
  };
}

/** A cluster's approval with what was asked, for approvers. */
export function approvalOf(record: ClusterRecord): ClusterApproval {
  const approval = record.approval!;
  return {
    cluster: record.name,
    state: approval.state,
    requestedBy: record.createdBy,
    requestedAt: record.createdAt,
    approverGroup: approval.approverGroup,
    expiresAt: approval.expiresAt,
    ...(approval.decidedBy ? { decidedBy: approval.decidedBy } : {}),
    ...(approval.decidedAt ? { decidedAt: approval.decidedAt } : {}),
    ...(approval.comment ? { comment: approval.comment } : {}),
    summary: {
      owner: record.owner,
      project: record.project,
      environment: record.environment,
      // Only requests built from a profile need approvals; imports do not.
      profile: record.profile!,
      addOnProfiles: record.addOnProfiles,
      cloudAccount: record.cloudAccount,
      region: record.region,
      nodes: record.footprint.nodes,
      estimatedMonthlyCost: record.footprint.monthlyCost,
    },
  };
}
