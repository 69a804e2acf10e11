import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

// Test helper (not exported from the package): workload clusters' API
// servers, as far as listing ConfigMaps goes.

/** A ConfigMap as the fake serves it. */
export interface FakeConfigMap {
  name: string;
  labels?: Record<string, string>;
  data?: Record<string, string>;
}

/** One fake cluster: its namespaces' ConfigMaps, or a failure to answer with. */
export interface FakeCluster {
  namespaces: Record<string, FakeConfigMap[]>;
  /** Answer every request with this HTTP status instead. */
  failWith?: number;
}

const LIST_PATH =
  /^\/clusters\/([^/]+)\/api\/v1\/namespaces\/([^/]+)\/configmaps$/;

/** `key` or `key=value`, comma-separated: the selectors the collector sends. */
function matches(selector: string, labels: Record<string, string> = {}) {
  return selector
    .split(',')
    .filter(Boolean)
    .every(term => {
      const [key, value] = term.split('=');
      return value === undefined ? key in labels : labels[key] === value;
    });
}

/**
 * Serves `GET /clusters/<name>/api/v1/namespaces/<ns>/configmaps` for the
 * given clusters (404 for a missing namespace, as some servers do), and
 * hands out a kubeconfig per cluster with a bearer token the tests can
 * look for in logs.
 */
export async function startFakeWorkloadClusters(
  clusters: Record<string, FakeCluster>,
  options: { delayMs?: number } = {},
) {
  const requests: Array<{ cluster: string; path: string; token?: string }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const respond = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = url.pathname.match(LIST_PATH);
    const cluster = match && clusters[decodeURIComponent(match[1])];
    requests.push({
      cluster: match?.[1] ?? '',
      path: url.pathname,
      token: req.headers.authorization,
    });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise(resolve => setTimeout(resolve, options.delayMs ?? 0));
    inFlight -= 1;
    const status = (code: number, message: string) =>
      respond(res, code, { kind: 'Status', status: 'Failure', message, code });
    if (!match || !cluster) return status(404, 'not found');
    if (cluster.failWith) return status(cluster.failWith, 'simulated failure');
    const items = cluster.namespaces[decodeURIComponent(match[2])];
    if (!items) return status(404, `namespaces "${match[2]}" not found`);
    const selector = url.searchParams.get('labelSelector') ?? '';
    return respond(res, 200, {
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      metadata: { resourceVersion: '1' },
      items: items
        .filter(c => matches(selector, c.labels))
        .map(c => ({
          metadata: {
            name: c.name,
            namespace: match[2],
            labels: c.labels ?? {},
          },
          data: c.data ?? {},
        })),
    });
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(error => respond(res, 500, String(error)));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    maxInFlight: () => maxInFlight,
    /** A kubeconfig for one cluster, with a secret-looking token. */
    kubeconfig: (name: string) =>
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name,
            // client-node refuses plain HTTP unless TLS checks are off.
            cluster: {
              server: `http://127.0.0.1:${port}/clusters/${name}`,
              'insecure-skip-tls-verify': true,
            },
          },
        ],
        users: [{ name: 'admin', user: { token: `secret-token-of-${name}` } }],
        contexts: [{ name, context: { cluster: name, user: 'admin' } }],
        'current-context': name,
      }),
    stop: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}
