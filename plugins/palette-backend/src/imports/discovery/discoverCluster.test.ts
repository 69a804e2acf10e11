import * as k8s from '@kubernetes/client-node';
import {
  eksLikeState,
  FakeWorkloadCluster,
  fakeNode,
} from '../__testUtils__/fakeWorkloadCluster';
import { discoverCluster, probeVersion } from './discoverCluster';
import { WorkloadApiError } from './errors';

const NOW = new Date('2026-11-24T10:00:00.000Z');

function kubeConfigOf(text: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(text);
  return kc;
}

describe('discoverCluster against a fake API server', () => {
  let cluster: FakeWorkloadCluster;
  beforeEach(async () => {
    cluster = await FakeWorkloadCluster.start();
  });
  afterEach(() => cluster.stop());

  it('reads version, distribution, nodes, CNI, CSI, Helm releases and namespaces', async () => {
    const inventory = await discoverCluster(
      kubeConfigOf(cluster.kubeconfig()),
      {
        now: NOW,
      },
    );
    expect(inventory).toMatchObject({
      discoveredAt: NOW.toISOString(),
      kubernetes: {
        gitVersion: 'v1.32.3-eks-4096722',
        version: '1.32.3',
        distribution: 'eks',
      },
      provider: 'eks',
      region: 'eu-west-1',
      cni: {
        name: 'cilium',
        version: '1.16.3',
        source: 'DaemonSet kube-system/cilium',
      },
      csi: [
        {
          name: 'ebs.csi.aws.com',
          version: '1.37.0',
          source: 'StorageClass gp3, DaemonSet kube-system/ebs-csi-node',
        },
      ],
      namespaces: ['apps', 'cert-manager', 'default', 'kube-system'],
    });
    expect(inventory.nodes[0]).toEqual({
      name: 'ip-10-0-1-10',
      pool: 'general',
      roles: [],
      instanceType: 'm6i.large',
      region: 'eu-west-1',
      zone: 'eu-west-1a',
      cpu: 4,
      memoryGiB: 16,
      osImage: 'Amazon Linux 2023.6.20241121',
      kernelVersion: '6.5.0-1022-aws',
      containerRuntime: 'containerd://1.7.22',
      architecture: 'amd64',
      kubeletVersion: 'v1.32.3-eks-4096722',
      ready: true,
      problems: [],
    });
    // The latest revision of each release; sensitive values redacted.
    expect(inventory.helmReleases).toEqual([
      {
        name: 'billing',
        namespace: 'apps',
        chart: 'billing-api',
        chartVersion: '2.4.1',
        revision: 3,
        status: 'deployed',
        values: {
          image: { tag: '2.4.1' },
          database: { host: 'db.internal', password: '(redacted)' },
          apiToken: '(redacted)',
        },
      },
      expect.objectContaining({
        name: 'cert-manager',
        chartVersion: 'v1.16.2',
        revision: 2,
        values: { crds: { enabled: true }, replicaCount: 2 },
      }),
    ]);
    expect(JSON.stringify(inventory)).not.toMatch(/hunter2|abc123/);
  });

  it('tells distributions and on-premises nodes apart', async () => {
    cluster.state = {
      ...eksLikeState(),
      gitVersion: 'v1.31.4+k3s1',
      nodes: [
        fakeNode('edge-1', {
          labels: { 'node-role.kubernetes.io/control-plane': 'true' },
          cpu: '3500m',
          memory: '8053040Ki',
        }),
        fakeNode('edge-2', { ready: false, pressure: ['DiskPressure'] }),
      ],
      daemonSets: [],
      storageClasses: [
        {
          metadata: { name: 'local-path' },
          provisioner: 'rancher.io/local-path',
        },
      ],
    };
    const inventory = await discoverCluster(
      kubeConfigOf(cluster.kubeconfig()),
      {
        now: NOW,
      },
    );
    expect(inventory.kubernetes).toMatchObject({
      distribution: 'k3s',
      version: '1.31.4',
    });
    expect(inventory.provider).toBeUndefined();
    expect(inventory.cni).toBeUndefined();
    expect(inventory.csi).toEqual([]);
    expect(
      inventory.nodes.map(n => [n.name, n.pool, n.cpu, n.memoryGiB]),
    ).toEqual([
      ['edge-1', 'control-plane', 3.5, 7.7],
      ['edge-2', undefined, 4, 16],
    ]);
    expect(inventory.nodes[1].problems).toEqual([
      'not Ready (KubeletNotReady)',
      'DiskPressure',
    ]);
  });

  it('says when the credentials are refused', async () => {
    const kc = kubeConfigOf(cluster.kubeconfig({ token: 'wrong' }));
    const error = await probeVersion(kc).catch(e => e);
    expect(error).toBeInstanceOf(WorkloadApiError);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    expect(error.message).toMatch(/refused the credentials \(HTTP 401\)/);
    expect(error.message).not.toContain('wrong');
  });

  it('says when the API server does not answer', async () => {
    const kc = kubeConfigOf(cluster.kubeconfig());
    await cluster.stop();
    const error = await discoverCluster(kc, { now: NOW }).catch(e => e);
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect(error.message).toMatch(/does not answer.*\/version/);
    cluster = await FakeWorkloadCluster.start();
  });
});
