import type {
  Taint,
  WorkerPool,
} from '@palette-backstage/plugin-palette-common';
import { API } from './apiVersions';
import { compact, compactOrUndefined } from './compact';
import type { RenderContext } from './context';
import { splitPoolLabels } from './nodeLabels';
import type { TemplateDesign } from './objects';

/** A kubeadm `name`/`value` argument (v1beta2 writes extraArgs as a list). */
interface Arg {
  name: string;
  value: string;
}

/** The Kubernetes pack values the kubeadm renderers read (see packs/kubernetesPacks.ts). */
interface KubeadmValues {
  clusterNetwork?: {
    pods?: { cidrBlocks?: string[] };
    services?: { cidrBlocks?: string[] };
    serviceDomain?: string;
  };
  apiServer?: { certSANs?: string[]; extraArgs?: Arg[] };
  kubelet?: { extraArgs?: Arg[] };
}

/** The OS pack values the renderers read (see packs/osPacks.ts). */
interface OsValues {
  timezone?: string;
  ntp?: { enabled?: boolean; servers?: string[] };
}

/** A file written on control plane nodes (e.g. the kube-vip static pod). */
export interface KubeadmFile {
  path: string;
  content: string;
  owner?: string;
  permissions?: string;
}

/** What a provider adds to the kubeadm configuration of its nodes. */
export interface KubeadmOptions {
  /** `nodeRegistration.name`: most clouds name nodes after the instance's hostname. */
  nodeName?: string;
  /** Commands run before kubeadm on every node. */
  preKubeadmCommands?: string[];
  /** Files written on control plane nodes only. */
  controlPlaneFiles?: KubeadmFile[];
  /** Commands run before kubeadm on control plane nodes only (after the common ones). */
  controlPlanePreKubeadmCommands?: string[];
}

const kubeadmValues = (ctx: RenderContext) =>
  ctx.kubernetes.layer.values as KubeadmValues;

/** `Cluster.spec.clusterNetwork` from the Kubernetes pack values. */
export function clusterNetwork(ctx: RenderContext) {
  const network = kubeadmValues(ctx).clusterNetwork ?? {};
  const blocks = (cidrs?: string[]) =>
    cidrs && cidrs.length > 0 ? { cidrBlocks: cidrs } : undefined;
  return compactOrUndefined({
    pods: blocks(network.pods?.cidrBlocks),
    services: blocks(network.services?.cidrBlocks),
    serviceDomain: network.serviceDomain,
  });
}

/**
 * What the OS layer sets on every node: the time zone and NTP servers, and
 * the bootstrap format: Ignition for Flatcar (which has no cloud-init),
 * cloud-init otherwise. The format is always written, which also keeps
 * every KubeadmConfig spec non-empty, as the v1beta2 CRDs require.
 * RHEL subscription values are deliberately not rendered: an activation key
 * is a credential and does not belong in bootstrap data; register RHEL
 * nodes in the image or with a subscription operator.
 */
function osConfiguration(ctx: RenderContext) {
  const values = ctx.os.layer.values as OsValues;
  return compact({
    format:
      ctx.os.kind.distribution === 'flatcar'
        ? ('ignition' as const)
        : ('cloud-config' as const),
    ntp: values.ntp?.enabled
      ? compact({ enabled: true, servers: values.ntp.servers })
      : undefined,
    // The values schema restricts time zones to `Area/City` names: safe in a shell.
    timezoneCommand: values.timezone
      ? `timedatectl set-timezone ${values.timezone}`
      : undefined,
  });
}

function nodeRegistration(
  options: KubeadmOptions,
  kubeletArgs: Arg[],
  taints?: Taint[],
) {
  return compactOrUndefined({
    name: options.nodeName,
    kubeletExtraArgs: kubeletArgs,
    taints: taints?.map(t => compact({ ...t })),
  });
}

/** Shared by control plane and workers: format, NTP and pre-kubeadm commands. */
function commonSpec(
  ctx: RenderContext,
  options: KubeadmOptions,
  extraCommands: string[] = [],
) {
  const os = osConfiguration(ctx);
  return compact({
    format: os.format,
    ntp: os.ntp,
    preKubeadmCommands: [
      ...(os.timezoneCommand ? [os.timezoneCommand] : []),
      ...(options.preKubeadmCommands ?? []),
      ...extraCommands,
    ],
  });
}

/**
 * The KubeadmControlPlaneTemplate: the Kubernetes pack's API server and
 * kubelet settings plus what the OS layer and the provider add. Version and
 * replicas come from the Cluster's topology.
 */
export function kubeadmControlPlaneTemplate(
  ctx: RenderContext,
  options: KubeadmOptions = {},
): TemplateDesign {
  const values = kubeadmValues(ctx);
  const kubeletArgs = values.kubelet?.extraArgs ?? [];
  const registration = nodeRegistration(options, kubeletArgs);
  const kubeadmConfigSpec = compact({
    clusterConfiguration: compactOrUndefined({
      apiServer: compactOrUndefined({
        certSANs: values.apiServer?.certSANs,
        extraArgs: values.apiServer?.extraArgs,
      }),
    }),
    // Copies: the two must not be one shared object.
    initConfiguration: registration
      ? { nodeRegistration: structuredClone(registration) }
      : undefined,
    joinConfiguration: registration
      ? { nodeRegistration: structuredClone(registration) }
      : undefined,
    files: options.controlPlaneFiles?.map(f => compact({ ...f })),
    ...commonSpec(ctx, options, options.controlPlanePreKubeadmCommands),
  });
  return {
    apiVersion: API.controlPlane,
    kind: 'KubeadmControlPlaneTemplate',
    role: 'control-plane',
    spec: compact({ kubeadmConfigSpec }),
  };
}

/** Merges the pool's kubelet self-labels into the pack's `node-labels` argument. */
function withNodeLabels(args: Arg[], labels: Record<string, string>): Arg[] {
  const entries = Object.entries(labels);
  if (entries.length === 0) return args;
  const existing = args.find(a => a.name === 'node-labels')?.value;
  const value = [
    ...(existing ? [existing] : []),
    ...entries.map(([k, v]) => `${k}=${v}`),
  ].join(',');
  return [
    ...args.filter(a => a.name !== 'node-labels'),
    { name: 'node-labels', value },
  ];
}

/** A pool's KubeadmConfigTemplate and the labels Cluster API syncs to its nodes. */
export interface KubeadmWorker {
  bootstrap: TemplateDesign;
  /** Labels for the Machines (Cluster API copies them to the Nodes). */
  machineLabels: Record<string, string>;
}

/**
 * The KubeadmConfigTemplate of one pool: the pack's kubelet settings, the
 * pool's labels (see `splitPoolLabels`) and taints, and what the OS layer
 * and the provider add.
 */
export function kubeadmWorker(
  ctx: RenderContext,
  pool: WorkerPool,
  index: number,
  options: KubeadmOptions = {},
): KubeadmWorker {
  const labels = splitPoolLabels(
    pool.labels,
    `workerPools.${index}.labels`,
    ctx.messages,
  );
  const kubeletArgs = withNodeLabels(
    kubeadmValues(ctx).kubelet?.extraArgs ?? [],
    labels.kubelet,
  );
  const registration = nodeRegistration(options, kubeletArgs, pool.taints);
  return {
    bootstrap: {
      apiVersion: API.bootstrap,
      kind: 'KubeadmConfigTemplate',
      role: `${pool.name}-bootstrap`,
      spec: compact({
        joinConfiguration: registration
          ? { nodeRegistration: registration }
          : undefined,
        ...commonSpec(ctx, options),
      }),
    },
    machineLabels: labels.synced,
  };
}
