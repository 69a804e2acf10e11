import {
  CloudType,
  ClusterInventory,
  KubernetesPackKind,
  OsPackKind,
  Pack,
} from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../../packs';
import { nearestNotAbove, preferCurrent } from './packChoice';
import { MappedLayer } from './types';

/** The Kubernetes pack distribution of a discovered distribution. */
const KUBERNETES_DISTRIBUTION: Record<
  string,
  KubernetesPackKind['distribution']
> = { eks: 'eks', aks: 'aks', gke: 'gke' };

/** OS images the registry has packs for, by what their image name says. */
const OS_DISTRIBUTIONS: Array<{
  pattern: RegExp;
  distribution: OsPackKind['distribution'];
}> = [
  { pattern: /ubuntu/i, distribution: 'ubuntu' },
  { pattern: /flatcar/i, distribution: 'flatcar' },
  { pattern: /red hat|rhel/i, distribution: 'rhel' },
];

const packsOfLayer = (
  packs: PackRegistry,
  layer: Pack['layer'],
  cloudType?: CloudType,
) => packs.list({ layer, cloudType });

/** The most common OS image of the nodes. */
function commonOsImage(inventory: ClusterInventory): string {
  const counts = new Map<string, number>();
  for (const n of inventory.nodes)
    counts.set(n.osImage, (counts.get(n.osImage) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
}

/**
 * The OS layer: the registry's pack of the nodes' distribution at the
 * release nearest the image's, or, for images the registry has no pack for
 * (Amazon Linux, Bottlerocket, Container-Optimized OS…), its first OS pack
 * for the cloud, noted for review.
 */
export function mapOs(
  inventory: ClusterInventory,
  packs: PackRegistry,
  cloudType: CloudType,
): MappedLayer | undefined {
  const image = commonOsImage(inventory);
  const osPacks = packsOfLayer(packs, 'os', cloudType);
  const distribution = OS_DISTRIBUTIONS.find(d =>
    d.pattern.test(image),
  )?.distribution;
  const matching = preferCurrent(
    osPacks.filter(p => (p.kind as OsPackKind).distribution === distribution),
  );
  const release = image.match(/\d+(\.\d+)+/)?.[0];
  const choice = nearestNotAbove(matching, release, p => {
    const r = (p.kind as OsPackKind).release;
    return r.split('.').length === 2 ? `${r}.0` : r;
  });
  if (choice)
    return {
      layer: 'os',
      discovered: image,
      mappedTo: 'registry',
      pack: { name: choice.pack.name, version: choice.pack.version },
      ...(choice.exact
        ? {}
        : {
            note: `nearest release of ${choice.pack.name} in the registry; check it matches the nodes`,
          }),
    };
  const fallback = preferCurrent(osPacks)[0];
  if (!fallback) return undefined;
  return {
    layer: 'os',
    discovered: image,
    mappedTo: 'registry',
    pack: { name: fallback.name, version: fallback.version },
    note: `the registry has no pack for "${image}"; ${fallback.name} was chosen for review`,
  };
}

/**
 * The Kubernetes layer: the pack of the distribution (kubeadm for the
 * self-managed ones) at the version nearest the discovered one, not above.
 */
export function mapKubernetes(
  inventory: ClusterInventory,
  packs: PackRegistry,
): MappedLayer | undefined {
  const { distribution, version, gitVersion } = inventory.kubernetes;
  const wanted = KUBERNETES_DISTRIBUTION[distribution] ?? 'kubeadm';
  const candidates = preferCurrent(
    packsOfLayer(packs, 'k8s').filter(
      p => (p.kind as KubernetesPackKind).distribution === wanted,
    ),
  );
  const choice = nearestNotAbove(
    candidates,
    version,
    p => (p.kind as KubernetesPackKind).kubernetesVersion,
  );
  if (!choice) return undefined;
  const notes = [
    ...(wanted === 'kubeadm' && distribution !== 'kubeadm'
      ? [
          `${distribution} has no pack of its own; kubeadm Kubernetes was chosen`,
        ]
      : []),
    ...(choice.above
      ? [
          `the registry has no version at or below ${version}; the lowest one was chosen`,
        ]
      : []),
  ];
  return {
    layer: 'kubernetes',
    discovered: `${distribution} ${gitVersion}`,
    mappedTo: 'registry',
    pack: { name: choice.pack.name, version: choice.pack.version },
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}
