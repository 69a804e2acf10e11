import { InputError } from '@backstage/errors';
import * as k8s from '@kubernetes/client-node';

/** A kubeconfig narrowed to the one context an import uses. */
export interface ImportKubeconfig {
  /** Client configuration for the cluster; never logged or returned. */
  kubeConfig: k8s.KubeConfig;
  /** The cluster's API server URL (it holds no credentials). */
  server: string;
  /** The narrowed kubeconfig as YAML, as it is stored in the Secret. */
  text: string;
}

/**
 * Parses an uploaded kubeconfig and keeps only the context to import (its
 * current context when none is named), its cluster and its user, so the
 * stored Secret holds no credentials of other clusters. Anything that is
 * not a usable kubeconfig is a 400 naming the `kubeconfig` field; parser
 * messages are not echoed, as they may quote the content.
 */
export function parseImportKubeconfig(
  text: string,
  contextName?: string,
): ImportKubeconfig {
  const full = new k8s.KubeConfig();
  try {
    // Entries of other contexts may be incomplete: they are dropped, not fatal.
    full.loadFromString(text, { onInvalidEntry: 'filter' });
  } catch {
    throw new InputError(
      'kubeconfig: is not a kubeconfig (YAML or JSON with clusters, users and contexts)',
    );
  }
  const name = contextName ?? full.getCurrentContext();
  if (!name)
    throw new InputError(
      'kubeconfig: has no current-context; name the context to import',
    );
  const context = full.getContextObject(name);
  if (!context)
    throw new InputError(
      `kubeconfig: has no context "${name}"${
        full.contexts.length
          ? ` (it has ${full.contexts.map(c => c.name).join(', ')})`
          : ''
      }`,
    );
  const cluster = full.getCluster(context.cluster);
  if (!cluster?.server)
    throw new InputError(
      `kubeconfig: context "${name}" names no cluster with a server URL`,
    );
  if (!/^https?:\/\//.test(cluster.server))
    throw new InputError(
      `kubeconfig: the server of context "${name}" is not an http(s) URL`,
    );
  const user = context.user ? full.getUser(context.user) : null;
  refuseHostAccess(name, cluster, user);
  const kubeConfig = new k8s.KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [cluster],
    users: user ? [user] : [],
    contexts: [context],
    currentContext: context.name,
  });
  return {
    kubeConfig,
    server: cluster.server,
    text: kubeConfig.exportConfig(),
  };
}

/**
 * An uploaded kubeconfig must carry its credentials inline: `exec` and
 * `auth-provider` users would run commands on the backend's host, and file
 * paths would read the host's files.
 */
function refuseHostAccess(
  context: string,
  cluster: k8s.Cluster,
  user: k8s.User | null,
) {
  const problems: string[] = [];
  if (cluster.caFile) problems.push('certificate-authority (a file path)');
  if (user?.exec) problems.push('exec (runs a command)');
  if (user?.authProvider) problems.push('auth-provider');
  if (user?.certFile) problems.push('client-certificate (a file path)');
  if (user?.keyFile) problems.push('client-key (a file path)');
  if (problems.length)
    throw new InputError(
      `kubeconfig: context "${context}" uses ${problems.join(
        ', ',
      )}; give credentials inline (token, client-certificate-data, client-key-data, certificate-authority-data)`,
    );
}
