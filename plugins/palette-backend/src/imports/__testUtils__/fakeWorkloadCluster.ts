import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

// Test helpers (not exported from the package).

export const FAKE_TOKEN = 'fake-admin-token';

type Json = Record<string, any>;

/** A node as the API server returns it. */
export function fakeNode(
  name: string,
  options: {
    ready?: boolean;
    labels?: Record<string, string>;
    cpu?: string;
    memory?: string;
    osImage?: string;
    providerID?: string;
    pressure?: string[];
  } = {},
): Json {
  return {
    metadata: { name, labels: options.labels ?? {} },
    spec: options.providerID ? { providerID: options.providerID } : {},
    status: {
      capacity: { cpu: options.cpu ?? '4', memory: options.memory ?? '16Gi' },
      nodeInfo: {
        osImage: options.osImage ?? 'Ubuntu 22.04.5 LTS',
        kernelVersion: '6.5.0-1022-aws',
        containerRuntimeVersion: 'containerd://1.7.22',
        architecture: 'amd64',
        kubeletVersion: 'v1.32.3-eks-4096722',
      },
      conditions: [
        {
          type: 'Ready',
          status: options.ready === false ? 'False' : 'True',
          ...(options.ready === false ? { reason: 'KubeletNotReady' } : {}),
        },
        ...(options.pressure ?? []).map(type => ({ type, status: 'True' })),
      ],
    },
  };
}

/** A Helm v3 release Secret, encoded as Helm stores it. */
export function helmReleaseSecret(release: {
  name: string;
  namespace: string;
  chart: string;
  version: string;
  appVersion?: string;
  revision: number;
  status?: string;
  values?: Json;
}): Json {
  const json = JSON.stringify({
    name: release.name,
    namespace: release.namespace,
    version: release.revision,
    info: { status: release.status ?? 'deployed' },
    chart: {
      metadata: {
        name: release.chart,
        version: release.version,
        appVersion: release.appVersion,
      },
    },
    config: release.values ?? {},
  });
  const helmEncoded = gzipSync(Buffer.from(json)).toString('base64');
  return {
    metadata: {
      name: `sh.helm.release.v1.${release.name}.v${release.revision}`,
      namespace: release.namespace,
      labels: {
        owner: 'helm',
        name: release.name,
        version: String(release.revision),
      },
    },
    type: 'helm.sh/release.v1',
    data: { release: Buffer.from(helmEncoded).toString('base64') },
  };
}

const daemonSet = (namespace: string, name: string, image: string): Json => ({
  metadata: { namespace, name },
  spec: { template: { spec: { containers: [{ name, image }] } } },
});

/** What the fake cluster serves; tests change it between calls. */
export interface FakeClusterState {
  gitVersion: string;
  nodes: Json[];
  daemonSets: Json[];
  storageClasses: Json[];
  helmSecrets: Json[];
  namespaces: string[];
  /** Answers every request with this status (e.g. 401). */
  failWith?: number;
}

/** An EKS cluster with Cilium, the EBS CSI driver and two Helm releases. */
export function eksLikeState(): FakeClusterState {
  const labels = (pool: string, zone: string) => ({
    'node.kubernetes.io/instance-type': 'm6i.large',
    'topology.kubernetes.io/region': 'eu-west-1',
    'topology.kubernetes.io/zone': zone,
    'eks.amazonaws.com/nodegroup': pool,
  });
  return {
    gitVersion: 'v1.32.3-eks-4096722',
    nodes: [
      fakeNode('ip-10-0-1-10', {
        labels: labels('general', 'eu-west-1a'),
        providerID: 'aws:///eu-west-1a/i-0abc',
        osImage: 'Amazon Linux 2023.6.20241121',
      }),
      fakeNode('ip-10-0-2-20', {
        labels: labels('general', 'eu-west-1b'),
        providerID: 'aws:///eu-west-1b/i-0def',
        osImage: 'Amazon Linux 2023.6.20241121',
      }),
    ],
    daemonSets: [
      daemonSet(
        'kube-system',
        'cilium',
        'quay.io/cilium/cilium:v1.16.3@sha256:abc',
      ),
      daemonSet(
        'kube-system',
        'ebs-csi-node',
        'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.37.0',
      ),
      daemonSet(
        'kube-system',
        'kube-proxy',
        'registry.k8s.io/kube-proxy:v1.32.3',
      ),
    ],
    storageClasses: [
      { metadata: { name: 'gp3' }, provisioner: 'ebs.csi.aws.com' },
      { metadata: { name: 'gp2' }, provisioner: 'kubernetes.io/aws-ebs' },
    ],
    helmSecrets: [
      helmReleaseSecret({
        name: 'cert-manager',
        namespace: 'cert-manager',
        chart: 'cert-manager',
        version: 'v1.16.1',
        revision: 1,
        values: { crds: { enabled: true } },
      }),
      helmReleaseSecret({
        name: 'cert-manager',
        namespace: 'cert-manager',
        chart: 'cert-manager',
        version: 'v1.16.2',
        revision: 2,
        values: { crds: { enabled: true }, replicaCount: 2 },
      }),
      helmReleaseSecret({
        name: 'billing',
        namespace: 'apps',
        chart: 'billing-api',
        version: '2.4.1',
        revision: 3,
        values: {
          image: { tag: '2.4.1' },
          database: { host: 'db.internal', password: 'hunter2' },
          apiToken: 'abc123',
        },
      }),
    ],
    namespaces: ['default', 'kube-system', 'cert-manager', 'apps'],
  };
}

const list = (kind: string, items: Json[]) => ({
  kind: `${kind}List`,
  apiVersion: 'v1',
  metadata: {},
  items,
});

/**
 * A Kubernetes API server that serves what discovery reads, from a state
 * the test controls, to clients with {@link FAKE_TOKEN}.
 */
export class FakeWorkloadCluster {
  state: FakeClusterState;
  requests: string[] = [];

  private constructor(
    private readonly server: Server,
    state: FakeClusterState,
  ) {
    this.state = state;
  }

  static async start(state = eksLikeState()): Promise<FakeWorkloadCluster> {
    const holder: { fake?: FakeWorkloadCluster } = {};
    const server = createServer((req, res) => {
      const reply = holder.fake!.handle(
        req.url ?? '/',
        req.headers.authorization,
      );
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    holder.fake = new FakeWorkloadCluster(server, state);
    return holder.fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A kubeconfig for this server, with a token or other user fields. */
  kubeconfig(user: Json = { token: FAKE_TOKEN }, context = 'fake'): string {
    return JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'fake',
          cluster: { server: this.url, 'insecure-skip-tls-verify': true },
        },
      ],
      users: [{ name: 'admin', user }],
      contexts: [
        { name: context, context: { cluster: 'fake', user: 'admin' } },
      ],
      'current-context': context,
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise(r => this.server.close(r));
  }

  private handle(
    url: string,
    authorization?: string,
  ): { status: number; body: unknown } {
    this.requests.push(url);
    const s = this.state;
    if (s.failWith)
      return { status: s.failWith, body: { kind: 'Status', code: s.failWith } };
    if (authorization !== `Bearer ${FAKE_TOKEN}`)
      return {
        status: 401,
        body: { kind: 'Status', code: 401, message: 'Unauthorized' },
      };
    const path = url.split('?')[0];
    switch (path) {
      case '/version':
        return {
          status: 200,
          body: {
            gitVersion: s.gitVersion,
            major: '1',
            minor: '32',
            platform: 'linux/amd64',
          },
        };
      case '/apis':
        return { status: 200, body: { kind: 'APIGroupList', groups: [] } };
      case '/api/v1/nodes':
        return { status: 200, body: list('Node', s.nodes) };
      case '/api/v1/namespaces':
        return {
          status: 200,
          body: list(
            'Namespace',
            s.namespaces.map(name => ({ metadata: { name } })),
          ),
        };
      case '/api/v1/secrets':
        return {
          status: 200,
          body: list(
            'Secret',
            url.includes('owner%3Dhelm') || url.includes('owner=helm')
              ? s.helmSecrets
              : [],
          ),
        };
      case '/apis/apps/v1/daemonsets':
        return { status: 200, body: list('DaemonSet', s.daemonSets) };
      case '/apis/storage.k8s.io/v1/storageclasses':
        return { status: 200, body: list('StorageClass', s.storageClasses) };
      default:
        return { status: 404, body: { kind: 'Status', code: 404 } };
    }
  }
}
