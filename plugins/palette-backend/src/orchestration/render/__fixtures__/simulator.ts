import * as k8s from '@kubernetes/client-node';
import {
  RunningSimulator,
  SimulatorOptions,
  startSimulator,
} from '@palette-backstage/capi-simulator';
import { PALETTE_FIELD_MANAGER } from '@palette-backstage/plugin-palette-common';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { KubeObject } from '../../types';

/** What the API server made of one applied object. */
export type ApplyOutcome =
  | { ok: true; live: KubeObject }
  | { ok: false; error: string };

/** The Status an API error carries, as one line: code, message and causes. */
function describeApiError(error: unknown): string {
  const e = error as { code?: number; body?: unknown; message?: string };
  let status: any = e.body;
  if (typeof status === 'string') {
    try {
      status = JSON.parse(status);
    } catch {
      status = undefined;
    }
  }
  const causes = (status?.details?.causes ?? [])
    .map((c: any) => `${c.field}: ${c.message}`)
    .join('; ');
  return `${e.code ?? 'no status'} ${status?.message ?? e.message}${
    causes ? ` [${causes}]` : ''
  }`;
}

/**
 * An in-process simulated management cluster and a client-node client for
 * it: objects go through the same HTTP API, admission and schema checks as
 * the product's own applies.
 */
export class SimulatedManagementCluster {
  private constructor(
    readonly simulator: RunningSimulator,
    private readonly api: k8s.KubernetesObjectApi,
  ) {}

  static async start(
    options: SimulatorOptions,
  ): Promise<SimulatedManagementCluster> {
    const simulator = await startSimulator(options);
    const config = new k8s.KubeConfig();
    config.loadFromString(simulator.kubeconfig());
    return new SimulatedManagementCluster(
      simulator,
      k8s.KubernetesObjectApi.makeApiClient(config),
    );
  }

  /** Server-side apply, as the reconciler does it. */
  async apply(object: KubeObject): Promise<ApplyOutcome> {
    try {
      const live = await this.api.patch(
        object as k8s.KubernetesObject,
        undefined,
        undefined,
        PALETTE_FIELD_MANAGER,
        true,
        k8s.PatchStrategy.ServerSideApply,
      );
      return { ok: true, live: live as unknown as KubeObject };
    } catch (error) {
      return { ok: false, error: describeApiError(error) };
    }
  }

  async read(ref: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string };
  }): Promise<KubeObject> {
    return (await this.api.read(ref as any)) as unknown as KubeObject;
  }

  stop(): Promise<void> {
    return this.simulator.stop();
  }
}

/**
 * The fields of the rendered object that the stored one lacks or holds
 * differently: an API server prunes fields its schema does not know, so a
 * field that was accepted but dropped shows up here. (Defaults the server
 * adds are fine.)
 */
export function prunedFields(
  rendered: unknown,
  live: unknown,
  at = '',
): string[] {
  if (live === undefined) return [`${at} pruned`];
  if (rendered === null || typeof rendered !== 'object') {
    return rendered === live ? [] : [`${at} stored as ${JSON.stringify(live)}`];
  }
  if (live === null || typeof live !== 'object') {
    return [`${at} stored as ${JSON.stringify(live)}`];
  }
  return Object.entries(rendered).flatMap(([key, value]) =>
    prunedFields(value, (live as Record<string, unknown>)[key], `${at}.${key}`),
  );
}

/**
 * `group/version/kind` of every served version in the CRD files of a
 * folder: a kind outside it would be served by the simulator without a
 * schema, so no validation would happen.
 */
export function crdKinds(dir: string): Set<string> {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.yaml'));
  const kinds = new Set<string>();
  for (const file of files) {
    for (const doc of yaml.loadAll(
      fs.readFileSync(path.join(dir, file), 'utf8'),
    )) {
      const crd = doc as any;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions ?? []) {
        if (version.served) {
          kinds.add(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`);
        }
      }
    }
  }
  return kinds;
}

const conditionStatus = (obj: any, type: string) =>
  obj?.status?.conditions?.find((c: any) => c.type === type)?.status;

/**
 * Cluster API v1beta2's definition of a ready Cluster: Available and (with a
 * topology) TopologyReconciled True, the status observed at the current
 * generation, and every control plane and worker replica counter up to date.
 */
export function isClusterReady(cluster: any): boolean {
  const status = cluster?.status ?? {};
  const upToDate = (c: any) =>
    !c ||
    [
      c.replicas,
      c.readyReplicas,
      c.availableReplicas,
      c.upToDateReplicas,
    ].every(n => n === c.desiredReplicas);
  return (
    conditionStatus(cluster, 'Available') === 'True' &&
    (!cluster.spec?.topology ||
      conditionStatus(cluster, 'TopologyReconciled') === 'True') &&
    status.observedGeneration === cluster.metadata.generation &&
    upToDate(status.controlPlane) &&
    upToDate(status.workers)
  );
}
