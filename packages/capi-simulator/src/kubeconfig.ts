import yaml from 'js-yaml';

/** What a kubeconfig for one API server names. */
export interface KubeconfigSpec {
  server: string;
  token?: string;
  cluster: string;
  user?: string;
  context?: string;
  namespace?: string;
}

/**
 * A kubeconfig (YAML) with one cluster, user and context. The simulator
 * speaks plain HTTP, which client-node refuses unless TLS verification is
 * explicitly off, hence `insecure-skip-tls-verify`.
 */
export function renderKubeconfig(spec: KubeconfigSpec): string {
  const user = spec.user ?? spec.cluster;
  const context = spec.context ?? spec.cluster;
  return yaml.dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: spec.cluster,
        cluster: { server: spec.server, 'insecure-skip-tls-verify': true },
      },
    ],
    users: [{ name: user, user: spec.token ? { token: spec.token } : {} }],
    contexts: [
      {
        name: context,
        context: {
          cluster: spec.cluster,
          user,
          ...(spec.namespace ? { namespace: spec.namespace } : {}),
        },
      },
    ],
    'current-context': context,
  });
}

/** The server of a kubeconfig's current context (undefined when it has none). */
export function kubeconfigServer(kubeconfig: string): string | undefined {
  try {
    const doc = yaml.load(kubeconfig) as Record<string, any> | undefined;
    const context = (doc?.contexts ?? []).find(
      (c: any) => c?.name === doc?.['current-context'],
    );
    const clusterName = context?.context?.cluster;
    const cluster = (doc?.clusters ?? []).find(
      (c: any) => c?.name === clusterName,
    );
    const server = cluster?.cluster?.server;
    return typeof server === 'string' ? server : undefined;
  } catch {
    return undefined;
  }
}
