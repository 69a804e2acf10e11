import { kubeconfigServer, renderKubeconfig } from '../../kubeconfig';
import { EXISTING_PREFIX, workloadToken } from '../WorkloadApi';

/** Where an existing cluster's API is served on a simulator at `base`. */
export function existingClusterServer(base: string, name: string): string {
  return `${base}/workload/${EXISTING_PREFIX}/${encodeURIComponent(name)}`;
}

/**
 * The admin kubeconfig of an existing cluster, as its owners would hand it
 * over for an import. A local-development aid: the simulator is never a
 * production system, so its workload tokens are predictable.
 */
export function existingClusterKubeconfig(base: string, name: string): string {
  const user = `${name}-admin`;
  return renderKubeconfig({
    server: existingClusterServer(base, name),
    token: workloadToken(name),
    cluster: name,
    user,
    context: `${user}@${name}`,
  });
}

/** The existing cluster a kubeconfig points at, if any. */
export function existingClusterOfKubeconfig(
  kubeconfig: string,
): string | undefined {
  const server = kubeconfigServer(kubeconfig);
  if (!server) return undefined;
  let path: string;
  try {
    path = new URL(server).pathname;
  } catch {
    return undefined;
  }
  const match = path.match(
    new RegExp(`/workload/${EXISTING_PREFIX}/([^/]+)/?$`),
  );
  return match ? decodeURIComponent(match[1]) : undefined;
}
