import * as k8s from '@kubernetes/client-node';
import { WatchedResource } from './watchedResources';

/** Options of {@link pagedLister}. */
export interface PagedListOptions {
  namespace: string;
  /** Objects per request (`limit`); the API server's pages keep one consistent snapshot. */
  pageSize: number;
  /** Gives up on a list that does not complete, so that the informer retries. */
  timeoutMs: number;
}

/**
 * The list function of an informer: every object of the resource in the
 * namespace, page by page (`limit` / `continue`, so that a fleet of
 * thousands of clusters is not one huge response), with the list's
 * resourceVersion for the watch to resume from.
 */
export function pagedLister(
  api: k8s.CustomObjectsApi,
  resource: WatchedResource,
  options: PagedListOptions,
): () => Promise<k8s.KubernetesListObject<k8s.KubernetesObject>> {
  const { group, version, plural, kind, labelSelector } = resource;
  const listAll = async () => {
    const items: k8s.KubernetesObject[] = [];
    let resourceVersion: string | undefined;
    let next: string | undefined;
    do {
      const page = (await api.listNamespacedCustomObject({
        group,
        version,
        plural,
        namespace: options.namespace,
        labelSelector,
        limit: options.pageSize,
        _continue: next,
      })) as k8s.KubernetesListObject<k8s.KubernetesObject>;
      items.push(...(page.items ?? []));
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      next = (page.metadata as { continue?: string } | undefined)?.continue;
    } while (next);
    return {
      apiVersion: `${group}/${version}`,
      kind: `${kind}List`,
      metadata: { resourceVersion },
      items,
    };
  };
  return () => withTimeout(listAll(), options.timeoutMs, `listing ${plural}`);
}

function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`${what} did not complete within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
