import { z } from 'zod';
import type { ValidationMessage } from '../profiles/types';
import { PROFILE_NAME_PATTERN } from '../profiles/types';
import {
  CLUSTER_NAME_PATTERN,
  clusterOwnershipShape,
  profileRefSchema,
} from './request';

/**
 * The contract of importing existing clusters: clusters the platform did
 * not create, brought in by kubeconfig so that they show up in inventory,
 * health, cost and compliance like the others.
 */

/**
 * How much the product does on an imported cluster.
 * - `read-only`: inventory, health, cost and compliance; nothing is applied.
 * - `managed`: add-on profiles are applied to it and kept in sync.
 *
 * @public
 */
export const importModeSchema = z.enum(['read-only', 'managed']);
/** @public */
export type ImportMode = z.infer<typeof importModeSchema>;

/** Kubeconfigs are small; anything larger is not one. */
const MAX_KUBECONFIG_BYTES = 256 * 1024;

/**
 * `POST /clusters/import` body. The kubeconfig is stored once, as a Secret
 * on the management cluster, and never returned.
 *
 * @public
 */
export const importClusterRequestSchema = z
  .object({
    name: z
      .string()
      .regex(
        CLUSTER_NAME_PATTERN,
        'must be a DNS-1123 label of at most 40 characters: lowercase letters, digits and dashes, starting with a letter',
      ),
    /** The kubeconfig (YAML or JSON) of the cluster, with credentials. */
    kubeconfig: z
      .string()
      .min(1, 'is required')
      .max(MAX_KUBECONFIG_BYTES, 'is larger than 256 KiB'),
    /** A context of the kubeconfig; its current context when absent. */
    context: z.string().min(1).optional(),
    mode: importModeSchema.default('read-only'),
    /** Add-on profiles to apply: managed mode only. */
    addOnProfiles: z.array(profileRefSchema).max(20).default([]),
    ...clusterOwnershipShape,
    /** Management cluster that holds its secret; the default one when absent. */
    managementCluster: z.string().min(1).optional(),
    description: z.string().max(2000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.mode === 'read-only' && r.addOnProfiles.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['addOnProfiles'],
        message:
          'add-on profiles need managed mode; read-only imports apply nothing',
      });
    }
  });
/** @public */
export type ImportClusterRequest = z.infer<typeof importClusterRequestSchema>;
/** @public */
export type ImportClusterRequestInput = z.input<
  typeof importClusterRequestSchema
>;

/** One node as discovery sees it. @public */
export interface DiscoveredNode {
  name: string;
  /** Node pool or node group, from provider labels, when there is one. */
  pool?: string;
  roles: string[];
  /** `node.kubernetes.io/instance-type`, when set. */
  instanceType?: string;
  region?: string;
  zone?: string;
  cpu: number;
  memoryGiB: number;
  osImage: string;
  kernelVersion?: string;
  containerRuntime?: string;
  architecture?: string;
  kubeletVersion: string;
  ready: boolean;
  /** Conditions other than Ready that are True (pressure), or why not Ready. */
  problems: string[];
}

/** An installed Helm release (from Helm's release Secrets). @public */
export interface DiscoveredHelmRelease {
  name: string;
  namespace: string;
  chart: string;
  chartVersion: string;
  appVersion?: string;
  revision: number;
  status: string;
  /** User-supplied values. Sensitive-looking keys are redacted. */
  values: Record<string, unknown>;
}

/** A networking (CNI) or storage (CSI) component in use. @public */
export interface DiscoveredComponent {
  /** e.g. `cilium`, `calico`, `aws-vpc-cni`; `ebs.csi.aws.com`. */
  name: string;
  version?: string;
  /** Where it was seen, e.g. `DaemonSet kube-system/cilium`. */
  source: string;
}

/**
 * What discovery found on an imported cluster. Refreshed on every health
 * check; the cluster's cost and compliance are computed from it.
 *
 * @public
 */
export interface ClusterInventory {
  discoveredAt: string;
  kubernetes: {
    /** `gitVersion`, e.g. `v1.32.3-eks-4096722`. */
    gitVersion: string;
    /** `1.32.3`. */
    version: string;
    /** e.g. `eks`, `aks`, `gke`, `k3s`, `rke2`, `openshift`, `kubeadm`. */
    distribution: string;
    platform?: string;
  };
  /** The cloud the nodes run on, when their labels or provider IDs tell. */
  provider?: string;
  region?: string;
  nodes: DiscoveredNode[];
  cni?: DiscoveredComponent;
  csi: DiscoveredComponent[];
  helmReleases: DiscoveredHelmRelease[];
  namespaces: string[];
}

/**
 * `POST /clusters/import?dryRun=true` reply: the kubeconfig reaches the API
 * server, and what discovery found there. Nothing is stored.
 *
 * @public
 */
export interface ImportDryRunResponse {
  valid: boolean;
  messages: ValidationMessage[];
  /** The API server the kubeconfig points at. */
  apiServer: string;
  /** What discovery found; absent when it failed (a warning says why). */
  inventory?: ClusterInventory;
}

/** How an imported cluster is shown on its summary. @public */
export interface ClusterImportInfo {
  mode: ImportMode;
  importedAt: string;
  /** From the last discovery. */
  distribution?: string;
  lastDiscoveredAt?: string;
  /** Why the last health check failed, when it did. */
  lastError?: string;
}

/**
 * `POST /clusters/:name/profile` body: the draft's name, `<cluster>-imported`
 * when absent.
 *
 * @public
 */
export const generateProfileRequestSchema = z.object({
  name: z
    .string()
    .regex(
      PROFILE_NAME_PATTERN,
      'must be lower-case letters, digits and dashes, starting with a letter',
    )
    .optional(),
});
/** @public */
export type GenerateProfileRequest = z.infer<
  typeof generateProfileRequestSchema
>;

/**
 * `POST /clusters/:name/profile` reply: the draft profile generated from an
 * imported cluster's inventory, and how each discovered part was mapped.
 *
 * @public
 */
export interface GeneratedProfileResult {
  /** The draft profile; `version` is the one it is proposed to be published as. */
  profile: { name: string; version: string };
  layers: Array<{
    /** `os`, `kubernetes`, `cni`, `csi` or `addon`. */
    layer: string;
    discovered: string;
    /** `registry`: an existing pack matched; `custom`: a custom pack was created for it. */
    mappedTo: 'registry' | 'custom';
    pack: { name: string; version: string };
    note?: string;
  }>;
}
