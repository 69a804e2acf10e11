import {
  packKey,
  PACK_LAYER_LABELS,
} from '@palette-backstage/plugin-palette-common';
import { packSupportsKubernetes } from '../../profiles';
import type { RenderLayer } from './context';
import { clusterObjectName } from './names';
import { RenderMessages } from './messages';

/** CAAPH labels each HelmReleaseProxy with its HelmChartProxy's name: a label value. */
const MAX_ADD_ON_OBJECT_NAME = 63;

/**
 * Rules that only hold once the profiles are combined into one cluster:
 * each pack at most once, every pack fits the cluster's Kubernetes version,
 * `requires` and `conflicts` across all profiles, and add-on object names
 * that CAAPH can use as label values. (Each profile met these rules on its
 * own when it was published; add-on profiles meet the cluster only now.)
 */
export function checkCompatibility(
  cluster: string,
  kubernetesVersion: string,
  layers: readonly RenderLayer[],
  messages: RenderMessages,
): void {
  const firstSource = new Map<string, string>();
  for (const layer of layers) {
    const { pack, source } = layer;
    const earlier = firstSource.get(pack.name);
    if (earlier !== undefined) {
      messages.error(
        'pack.duplicate',
        source.field,
        `${pack.name} is already installed by ${earlier}; a pack can be installed once per cluster`,
        pack.name,
      );
      continue;
    }
    firstSource.set(
      pack.name,
      `${source.profile.name}@${source.profile.version}`,
    );
  }

  const names = new Set(layers.map(l => l.pack.name));
  const reportedConflicts = new Set<string>();
  for (const { pack, source } of layers) {
    if (!packSupportsKubernetes(pack, kubernetesVersion)) {
      const range = pack.constraints?.kubernetes ?? {};
      messages.error(
        'pack.kubernetes',
        source.field,
        `${packKey(pack)} supports Kubernetes ${range.min ?? 'any'} to ${
          range.max ?? 'any'
        }, not ${kubernetesVersion}`,
        pack.name,
      );
    }
    for (const needed of pack.constraints?.requires ?? []) {
      if (!names.has(needed.name)) {
        messages.error(
          'pack.requires',
          source.field,
          `${pack.name} needs ${needed.name} in the cluster${
            needed.reason ? ` (${needed.reason})` : ''
          }`,
          pack.name,
        );
      }
    }
    for (const conflict of pack.constraints?.conflicts ?? []) {
      const pair = [pack.name, conflict.name].sort().join(' ');
      if (names.has(conflict.name) && !reportedConflicts.has(pair)) {
        reportedConflicts.add(pair);
        messages.error(
          'pack.conflicts',
          source.field,
          `${pack.name} cannot be installed with ${conflict.name}${
            conflict.reason ? ` (${conflict.reason})` : ''
          }`,
          pack.name,
        );
      }
    }
    const isAddOn = pack.layer !== 'os' && pack.layer !== 'k8s';
    const objectName = clusterObjectName(cluster, pack.name);
    if (isAddOn && objectName.length > MAX_ADD_ON_OBJECT_NAME) {
      messages.error(
        'pack.nameTooLong',
        source.field,
        `the ${
          PACK_LAYER_LABELS[pack.layer]
        } object ${objectName} would be longer than ${MAX_ADD_ON_OBJECT_NAME} characters; use a shorter cluster name`,
        pack.name,
      );
    }
  }
}
