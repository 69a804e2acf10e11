import * as k8s from '@kubernetes/client-node';
import { PALETTE_FIELD_MANAGER } from '@palette-backstage/plugin-palette-common';
import { KubeObject } from './types';

/** A failure to reach the management cluster at all (as opposed to a refusal by it). */
export class ManagementClusterUnreachableError extends Error {
  name = 'ManagementClusterUnreachableError';
}

/** What the API server said when it refused a request. */
export class ManagementClusterApiError extends Error {
  name = 'ManagementClusterApiError';
  constructor(message: string, readonly statusCode: number) {
    super(message);
  }
}

/** The status code of a client-node error, when the server answered. */
function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A readable message for an API error: the Status message when there is one. */
function describe(error: unknown): string {
  const body = (error as { body?: unknown })?.body;
  let parsed: any = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed && typeof parsed.message === 'string') return parsed.message;
  return error instanceof Error ? error.message : String(error);
}

/** Turns a client-node failure into one of the two errors above. */
export function classifyKubeError(error: unknown, cluster: string): Error {
  const status = statusOf(error);
  if (status === undefined) {
    // No HTTP status: the connection failed (refused, reset, DNS, TLS...).
    const cause = (error as { cause?: { code?: string } })?.cause?.code;
    return new ManagementClusterUnreachableError(
      `management cluster "${cluster}" is unreachable${
        cause ? ` (${cause})` : ''
      }: ${describe(error)}`,
    );
  }
  return new ManagementClusterApiError(describe(error), status);
}

/**
 * The few verbs the orchestrator needs, on one management cluster, through
 * `@kubernetes/client-node` only. Every write is a server-side apply under
 * one field manager, so applying the same objects twice changes nothing and
 * fields other managers own (Cluster API's controllers) are left alone.
 */
export class ManagementClient {
  readonly #api: k8s.KubernetesObjectApi;

  constructor(readonly name: string, kubeConfig: k8s.KubeConfig) {
    this.#api = k8s.KubernetesObjectApi.makeApiClient(kubeConfig);
  }

  async #call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw classifyKubeError(error, this.name);
    }
  }

  /** Server-side apply, forcing conflicts: the product owns what it renders. */
  async apply(object: KubeObject, dryRun = false): Promise<KubeObject> {
    return this.#call(() =>
      this.#api.patch(
        object as k8s.KubernetesObject,
        undefined,
        dryRun ? 'All' : undefined,
        PALETTE_FIELD_MANAGER,
        true,
        k8s.PatchStrategy.ServerSideApply,
      ),
    ) as Promise<KubeObject>;
  }

  /** The live object, or undefined when it does not exist. */
  async read(ref: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string };
  }): Promise<KubeObject | undefined> {
    try {
      return (await this.#api.read(ref as any)) as unknown as KubeObject;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw classifyKubeError(error, this.name);
    }
  }

  /** Deletes an object (in the background); gone already is fine. */
  async delete(ref: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string };
  }): Promise<void> {
    try {
      await this.#api.delete(
        ref as k8s.KubernetesObject,
        undefined,
        undefined,
        undefined,
        undefined,
        'Background',
      );
    } catch (error) {
      if (statusOf(error) === 404) return;
      throw classifyKubeError(error, this.name);
    }
  }

  /** Clears an object's finalizers: the last resort of a forced deletion. */
  async removeFinalizers(ref: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string };
  }): Promise<void> {
    try {
      await this.#api.patch(
        {
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: {
            name: ref.metadata.name,
            namespace: ref.metadata.namespace,
            finalizers: null,
          },
        } as unknown as k8s.KubernetesObject,
        undefined,
        undefined,
        undefined,
        undefined,
        k8s.PatchStrategy.MergePatch,
      );
    } catch (error) {
      if (statusOf(error) === 404) return;
      throw classifyKubeError(error, this.name);
    }
  }

  /** Creates the namespace the clusters' objects live in, if needed. */
  async ensureNamespace(namespace: string): Promise<void> {
    await this.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace },
    });
  }
}
