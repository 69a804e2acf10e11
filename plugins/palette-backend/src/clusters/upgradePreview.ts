import {
  ClusterRequest,
  ClusterUpgradePreview,
} from '@palette-backstage/plugin-palette-common';
import { changedPaths } from '../orchestration/fieldDiff';
import { KubeObject } from '../orchestration/types';

const keyOf = (o: KubeObject) => `${o.kind}/${o.metadata.name}`;

/** Objects that would be created, updated (with the fields) or deleted. */
export function objectChanges(
  before: KubeObject[],
  after: KubeObject[],
): ClusterUpgradePreview['objectChanges'] {
  const old = new Map(before.map(o => [keyOf(o), o]));
  const next = new Map(after.map(o => [keyOf(o), o]));
  const changes: ClusterUpgradePreview['objectChanges'] = [];
  for (const [key, o] of next) {
    const previous = old.get(key);
    if (!previous) {
      changes.push({
        kind: o.kind,
        name: o.metadata.name,
        change: 'create',
        fields: [],
      });
    } else {
      const fields = changedPaths(previous, o);
      if (fields.length)
        changes.push({
          kind: o.kind,
          name: o.metadata.name,
          change: 'update',
          fields,
        });
    }
  }
  for (const [key, o] of old) {
    if (!next.has(key))
      changes.push({
        kind: o.kind,
        name: o.metadata.name,
        change: 'delete',
        fields: [],
      });
  }
  return changes;
}

const topologyOf = (objects: KubeObject[]) =>
  (objects.find(o => o.kind === 'Cluster') as any)?.spec?.topology ?? {};

/**
 * What an upgrade replaces or redeploys, in words: Cluster API rolls machines
 * when the Kubernetes version or a machine template changes (control plane
 * first, then each pool, one machine at a time), and CAAPH upgrades a Helm
 * release when its HelmChartProxy changes.
 */
export function describeRolls(
  current: ClusterRequest,
  before: KubeObject[],
  after: KubeObject[],
): string[] {
  const rolls: string[] = [];
  const from = topologyOf(before);
  const to = topologyOf(after);
  const templatesChanged = (role: string) => {
    const names = (objs: KubeObject[]) =>
      objs
        .filter(
          o => o.kind.endsWith('Template') && o.metadata.name.includes(role),
        )
        .map(o => o.metadata.name)
        .sort()
        .join(',');
    return names(before) !== names(after);
  };
  const controlPlaneNodes = current.controlPlane.replicas;
  const workerNodes = current.workerPools.reduce((n, p) => n + p.count, 0);
  if (from.version !== to.version) {
    rolls.push(
      `Kubernetes ${from.version ?? '?'} → ${
        to.version ?? '?'
      }: the control plane (${controlPlaneNodes} node${
        controlPlaneNodes === 1 ? '' : 's'
      }) rolls first, then the worker pools (${workerNodes} node${
        workerNodes === 1 ? '' : 's'
      }), one machine at a time`,
    );
  } else if (templatesChanged('-cp-') || templatesChanged('control-plane')) {
    rolls.push(
      `control plane machines are replaced one at a time (their machine template changes)`,
    );
  }
  if (from.version === to.version) {
    for (const pool of current.workerPools) {
      if (templatesChanged(`-${pool.name}-`)) {
        rolls.push(
          `pool ${pool.name}: ${pool.count} node${
            pool.count === 1 ? '' : 's'
          } replaced one at a time (machine template changes)`,
        );
      }
    }
  }
  for (const change of objectChanges(before, after)) {
    if (change.kind !== 'HelmChartProxy') continue;
    const chart = (after.find(o => o.metadata.name === change.name) ??
      before.find(o => o.metadata.name === change.name)) as any;
    const chartName = chart?.spec?.chartName ?? change.name;
    if (change.change === 'create')
      rolls.push(`Helm chart ${chartName} installed`);
    else if (change.change === 'delete')
      rolls.push(`Helm chart ${chartName} uninstalled`);
    else {
      const old = before.find(o => o.metadata.name === change.name) as any;
      rolls.push(
        old?.spec?.version !== chart?.spec?.version
          ? `Helm chart ${chartName} upgraded ${old?.spec?.version} → ${chart?.spec?.version}`
          : `Helm chart ${chartName} redeployed with new values`,
      );
    }
  }
  return rolls;
}
