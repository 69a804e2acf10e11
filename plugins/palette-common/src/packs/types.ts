import { z } from 'zod';
import { jsonSchemaSubsetSchema } from './jsonSchema';
import { isValidSemver } from './semver';

/**
 * Where a cluster runs. `eks`, `aks` and `gke` are the managed services; `dev`
 * is a local cluster (Cluster API Docker provider); `all` marks an add-on pack
 * or profile that fits any cluster.
 *
 * @public
 */
export const cloudTypeSchema = z.enum([
  'aws',
  'eks',
  'azure',
  'aks',
  'gcp',
  'gke',
  'vsphere',
  'openstack',
  'maas',
  'dev',
  'all',
]);

/** @public */
export type CloudType = z.infer<typeof cloudTypeSchema>;

/**
 * Every cloud type, in display order.
 *
 * @public
 */
export const CLOUD_TYPES: readonly CloudType[] = cloudTypeSchema.options;

/**
 * The managed Kubernetes services: the cloud runs their control plane (no
 * machines to count or pay for, a service fee instead).
 *
 * @public
 */
export const MANAGED_CLOUD_TYPES = ['eks', 'aks', 'gke'] as const;

/** Whether a cloud type is a managed Kubernetes service. @public */
export function isManagedCloudType(
  cloudType: string,
): cloudType is (typeof MANAGED_CLOUD_TYPES)[number] {
  return (MANAGED_CLOUD_TYPES as readonly string[]).includes(cloudType);
}

/**
 * The layer a pack fills in a cluster profile.
 *
 * @public
 */
export const packLayerSchema = z.enum(['os', 'k8s', 'cni', 'csi', 'addon']);

/** @public */
export type PackLayer = z.infer<typeof packLayerSchema>;

/**
 * Layers in the order they appear in a profile and are installed:
 * OS, Kubernetes, network, storage, then add-ons.
 *
 * @public
 */
export const PACK_LAYER_ORDER: readonly PackLayer[] = packLayerSchema.options;

/**
 * The layers every infra and full profile has exactly one pack for.
 *
 * @public
 */
export const CORE_PACK_LAYERS: readonly PackLayer[] = [
  'os',
  'k8s',
  'cni',
  'csi',
];

/**
 * Human names of the layers, for messages and the UI.
 *
 * @public
 */
export const PACK_LAYER_LABELS: Readonly<Record<PackLayer, string>> = {
  os: 'OS',
  k8s: 'Kubernetes',
  cni: 'Network (CNI)',
  csi: 'Storage (CSI)',
  addon: 'Add-on',
};

/**
 * Pack names: lowercase DNS labels, e.g. `kube-prometheus-stack`.
 *
 * @public
 */
export const PACK_NAME_PATTERN = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

const NAMESPACE_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const HELM_CHART_NAME_PATTERN = /^[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/;

/**
 * The name of a Kubernetes minor version, e.g. `1.33`.
 *
 * @public
 */
export const kubernetesMinorSchema = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/,
    'must be a Kubernetes minor such as 1.33',
  );

/**
 * A semantic version (Semantic Versioning 2.0.0, no leading `v`).
 *
 * @public
 */
export const semverSchema = z
  .string()
  .refine(isValidSemver, 'must be a semantic version such as 1.4.0');

function isHelmRepository(value: string): boolean {
  if (/^oci:\/\/[^\s/]+(\/[^\s]+)?$/.test(value)) {
    return true;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A Helm chart, from an HTTP(S) chart repository (`repository` is the index
 * URL, e.g. `https://helm.cilium.io/`) or an OCI registry (`repository` is the
 * OCI reference without the chart name, e.g. `oci://quay.io/jetstack/charts`).
 * The fields map one-to-one onto a Cluster API add-on provider for Helm
 * (CAAPH) `HelmChartProxy`: `repoURL`, `chartName`, `version`, `namespace`,
 * `releaseName`.
 *
 * @public
 */
export const helmPackKindSchema = z.object({
  type: z.literal('helm'),
  repository: z
    .string()
    .refine(
      isHelmRepository,
      'must be an https:// chart repository URL or an oci:// reference',
    ),
  chart: z
    .string()
    .regex(
      HELM_CHART_NAME_PATTERN,
      'must be a Helm chart name such as cert-manager',
    ),
  /** The chart version; Helm accepts a leading `v` (e.g. `v3.32.2`). */
  chartVersion: z
    .string()
    .refine(
      v => isValidSemver(v.replace(/^v/, '')),
      'must be a chart version such as 1.2.3 or v1.2.3',
    ),
  namespace: z
    .string()
    .regex(NAMESPACE_PATTERN, 'must be a Kubernetes namespace name'),
  releaseName: z
    .string()
    .regex(NAMESPACE_PATTERN, 'must be a Helm release name')
    .optional(),
});

/** @public */
export type HelmPackKind = z.infer<typeof helmPackKindSchema>;

/**
 * One raw manifest file of a manifests pack.
 *
 * @public
 */
export const packManifestSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a file-like name'),
  /** One or more YAML documents; at most 1 MB, what a ConfigMap holds. */
  content: z
    .string()
    .min(1, 'must not be empty')
    .max(1_000_000, 'must be at most 1 MB (it is applied from a ConfigMap)'),
});

/** @public */
export type PackManifest = z.infer<typeof packManifestSchema>;

/**
 * Raw Kubernetes manifests, applied as given (with a Cluster API
 * `ClusterResourceSet`).
 *
 * @public
 */
export const manifestsPackKindSchema = z.object({
  type: z.literal('manifests'),
  /** The default namespace of namespaced objects that name none. */
  namespace: z.string().regex(NAMESPACE_PATTERN).optional(),
  manifests: z.array(packManifestSchema).min(1, 'needs at least one manifest'),
});

/** @public */
export type ManifestsPackKind = z.infer<typeof manifestsPackKindSchema>;

/**
 * OS distributions that the curated packs know.
 *
 * @public
 */
export const osDistributionSchema = z.enum(['ubuntu', 'flatcar', 'rhel']);

/** @public */
export type OsDistribution = z.infer<typeof osDistributionSchema>;

/**
 * An OS image family. `release` keeps the distribution's own spelling (e.g.
 * `24.04.4`), while the pack version is semver (e.g. `24.4.4`).
 *
 * @public
 */
export const osPackKindSchema = z.object({
  type: z.literal('os'),
  distribution: osDistributionSchema,
  release: z.string().min(1),
});

/** @public */
export type OsPackKind = z.infer<typeof osPackKindSchema>;

/**
 * Kubernetes distributions: self-managed kubeadm (Cluster API
 * KubeadmControlPlane) and the managed services.
 *
 * @public
 */
export const kubernetesDistributionSchema = z.enum([
  'kubeadm',
  'eks',
  'aks',
  'gke',
]);

/** @public */
export type KubernetesDistribution = z.infer<
  typeof kubernetesDistributionSchema
>;

/**
 * A Kubernetes distribution at one version. `kubernetesVersion` is what
 * Cluster API is given (for GKE, the full GKE version such as
 * `1.34.9-gke.1287000`); `platformVersion` records the managed platform
 * revision where the service has one (EKS `eks.19`).
 *
 * @public
 */
export const kubernetesPackKindSchema = z.object({
  type: z.literal('kubernetes'),
  distribution: kubernetesDistributionSchema,
  kubernetesVersion: z
    .string()
    .refine(isValidSemver, 'must be a Kubernetes version such as 1.33.8'),
  platformVersion: z.string().optional(),
});

/** @public */
export type KubernetesPackKind = z.infer<typeof kubernetesPackKindSchema>;

/**
 * How a pack is delivered.
 *
 * @public
 */
export const packKindSchema = z.discriminatedUnion('type', [
  helmPackKindSchema,
  manifestsPackKindSchema,
  osPackKindSchema,
  kubernetesPackKindSchema,
]);

/** @public */
export type PackKind = z.infer<typeof packKindSchema>;

/**
 * A reference from one pack to another in `requires` / `conflicts`.
 *
 * @public
 */
export const packDependencySchema = z.object({
  name: z.string().regex(PACK_NAME_PATTERN, 'must be a pack name'),
  /** Why, shown to the profile author. */
  reason: z.string().optional(),
});

/** @public */
export type PackDependency = z.infer<typeof packDependencySchema>;

/**
 * What a pack needs from the rest of the profile and from the nodes.
 *
 * @public
 */
export const packConstraintsSchema = z.object({
  /** Supported Kubernetes minors, both ends inclusive. */
  kubernetes: z
    .object({
      min: kubernetesMinorSchema.optional(),
      max: kubernetesMinorSchema.optional(),
    })
    .optional(),
  /** Packs that must be in the same profile (or cluster, for add-ons). */
  requires: z.array(packDependencySchema).optional(),
  /** Packs that must not be in the same profile. */
  conflicts: z.array(packDependencySchema).optional(),
  /** Minimum vCPUs per node. */
  minNodeCpu: z.number().positive().optional(),
  /** Minimum memory per node, in MiB. */
  minNodeMemoryMiB: z.number().int().positive().optional(),
});

/** @public */
export type PackConstraints = z.infer<typeof packConstraintsSchema>;

/**
 * Where a pack comes from: the curated registry or a platform team.
 *
 * @public
 */
export const packSourceSchema = z.enum(['builtin', 'custom']);

/** @public */
export type PackSource = z.infer<typeof packSourceSchema>;

// Only http(s): the UI renders it as a link, and custom packs come from users.
const homepageSchema = z.url({
  protocol: /^https?$/,
  error: 'must be an http(s) URL',
});

const KIND_BY_LAYER: Record<PackLayer, PackKind['type'][]> = {
  os: ['os'],
  k8s: ['kubernetes'],
  cni: ['helm', 'manifests'],
  csi: ['helm', 'manifests'],
  addon: ['helm', 'manifests'],
};

/**
 * The pack kinds a layer accepts: OS packs are OS images, Kubernetes packs
 * are distributions, the rest are Helm charts or manifests.
 *
 * @public
 */
export function packKindsForLayer(
  layer: PackLayer,
): readonly PackKind['type'][] {
  return KIND_BY_LAYER[layer];
}

/**
 * One version of a pack: a versioned, configurable building block of a
 * cluster profile.
 *
 * @public
 */
export const packSchema = z
  .object({
    name: z.string().regex(PACK_NAME_PATTERN, 'must be a lowercase DNS label'),
    displayName: z.string().min(1),
    description: z.string(),
    layer: packLayerSchema,
    version: semverSchema,
    kind: packKindSchema,
    /** Cloud types this pack supports; `all` means any. */
    cloudTypes: z.array(cloudTypeSchema).min(1),
    /**
     * Cloud types on which the component is part of the managed service (e.g.
     * the VPC CNI on EKS): nothing is installed there, and the values configure
     * the service instead.
     */
    managedOn: z.array(cloudTypeSchema).optional(),
    /** Default Helm values (YAML); profile layers override them. */
    defaultValues: z.string(),
    /** The schema merged values must satisfy. */
    valuesSchema: jsonSchemaSubsetSchema,
    /** Lower installs first. */
    installPriority: z.number().int(),
    constraints: packConstraintsSchema.optional(),
    deprecated: z.boolean().optional(),
    deprecationMessage: z.string().optional(),
    source: packSourceSchema,
    /** An http(s) link to the project; rendered as a link by the UI. */
    homepage: homepageSchema.optional(),
  })
  .superRefine((pack, ctx) => {
    const allowed = KIND_BY_LAYER[pack.layer];
    if (!allowed.includes(pack.kind.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind', 'type'],
        message: `a ${pack.layer} pack must be of kind ${allowed.join(' or ')}`,
      });
    }
    for (const [i, cloudType] of (pack.managedOn ?? []).entries()) {
      if (!pack.cloudTypes.includes(cloudType)) {
        ctx.addIssue({
          code: 'custom',
          path: ['managedOn', i],
          message: `${cloudType} is not one of the pack's cloud types`,
        });
      }
    }
    if (new Set(pack.cloudTypes).size !== pack.cloudTypes.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['cloudTypes'],
        message: 'must not repeat a cloud type',
      });
    }
  });

/** @public */
export type Pack = z.infer<typeof packSchema>;

/**
 * What a platform team gives to register its own pack: a Helm chart by
 * repository (or OCI reference) and chart version, or raw manifests. Only
 * network, storage and add-on layers can be custom.
 *
 * @public
 */
export const customPackInputSchema = z.object({
  name: z.string().regex(PACK_NAME_PATTERN, 'must be a lowercase DNS label'),
  displayName: z.string().min(1).optional(),
  description: z.string().optional(),
  layer: z.enum(['cni', 'csi', 'addon']).optional(),
  version: semverSchema,
  kind: z.discriminatedUnion('type', [
    helmPackKindSchema,
    manifestsPackKindSchema,
  ]),
  cloudTypes: z.array(cloudTypeSchema).min(1).optional(),
  defaultValues: z.string().optional(),
  valuesSchema: jsonSchemaSubsetSchema.optional(),
  installPriority: z.number().int().optional(),
  constraints: packConstraintsSchema.optional(),
  homepage: homepageSchema.optional(),
});

/** @public */
export type CustomPackInput = z.input<typeof customPackInputSchema>;

/**
 * The `name@version` key of a pack, as used in messages and annotations.
 *
 * @public
 */
export function packKey(pack: { name: string; version: string }): string {
  return `${pack.name}@${pack.version}`;
}

/**
 * A readable reference to the chart of a Helm pack: `oci://registry/path/chart`
 * for OCI registries, `chart (https://repository)` for chart repositories.
 *
 * @public
 */
export function helmChartReference(kind: HelmPackKind): string {
  return kind.repository.startsWith('oci://')
    ? `${kind.repository.replace(/\/$/, '')}/${kind.chart}`
    : `${kind.chart} (${kind.repository})`;
}
