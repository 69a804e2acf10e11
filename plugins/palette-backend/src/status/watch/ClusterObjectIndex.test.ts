import { ClusterObjectIndex } from './ClusterObjectIndex';
import { WatchedResource } from './watchedResources';

const CLUSTERS: WatchedResource = {
  group: 'cluster.x-k8s.io',
  version: 'v1beta2',
  kind: 'Cluster',
  plural: 'clusters',
  role: 'cluster',
};
const KCP: WatchedResource = {
  group: 'controlplane.cluster.x-k8s.io',
  version: 'v1beta2',
  kind: 'KubeadmControlPlane',
  plural: 'kubeadmcontrolplanes',
  role: 'controlPlane',
};
const MDS: WatchedResource = {
  group: 'cluster.x-k8s.io',
  version: 'v1beta2',
  kind: 'MachineDeployment',
  plural: 'machinedeployments',
  role: 'pool',
};

const cluster = (name: string, controlPlane?: string) => ({
  kind: 'Cluster',
  metadata: { name },
  spec: controlPlane
    ? {
        controlPlaneRef: {
          apiGroup: KCP.group,
          kind: 'KubeadmControlPlane',
          name: controlPlane,
        },
      }
    : {},
});
const controlPlane = (name: string, labels: Record<string, string> = {}) => ({
  kind: 'KubeadmControlPlane',
  metadata: { name, labels },
});
const pool = (name: string, clusterName: string) => ({
  kind: 'MachineDeployment',
  metadata: {
    name,
    labels: { 'cluster.x-k8s.io/cluster-name': clusterName },
  },
});

describe('ClusterObjectIndex', () => {
  it('assembles a cluster from its Cluster, the control plane its ref names and its labelled pools', () => {
    const index = new ClusterObjectIndex();
    expect(index.upsert(CLUSTERS, cluster('a', 'a-cp'))).toEqual(['a']);
    expect(index.upsert(KCP, controlPlane('a-cp'))).toEqual(['a']);
    expect(index.upsert(MDS, pool('a-md-1', 'a'))).toEqual(['a']);
    expect(index.upsert(MDS, pool('a-md-0', 'a'))).toEqual(['a']);
    index.upsert(KCP, controlPlane('other-cp'));

    const snapshot = index.snapshot('a');
    expect(snapshot.cluster).toEqual(cluster('a', 'a-cp'));
    expect(snapshot.controlPlane).toEqual(controlPlane('a-cp'));
    expect(snapshot.pools.map(p => (p.metadata as any).name)).toEqual([
      'a-md-0',
      'a-md-1',
    ]);
    expect(index.clusterNames()).toEqual(['a']);
  });

  it('reports objects of clusters it does not manage to no one, and snapshots them empty', () => {
    const index = new ClusterObjectIndex();
    expect(index.upsert(MDS, pool('x-md-0', 'unmanaged'))).toEqual([]);
    expect(index.upsert(KCP, controlPlane('x-cp'))).toEqual([]);
    expect(index.snapshot('unmanaged')).toEqual({ pools: [] });
  });

  it('attributes a control plane by label before the Cluster references it, then by reference', () => {
    const index = new ClusterObjectIndex();
    index.upsert(CLUSTERS, cluster('a'));
    const labelled = controlPlane('a-cp', {
      'cluster.x-k8s.io/cluster-name': 'a',
    });
    expect(index.upsert(KCP, labelled)).toEqual(['a']);
    expect(index.snapshot('a').controlPlane).toBeUndefined();
    index.upsert(CLUSTERS, cluster('a', 'a-cp'));
    expect(index.snapshot('a').controlPlane).toBe(labelled);
    // A new reference moves the control plane's attribution.
    index.upsert(CLUSTERS, cluster('a', 'a-cp-2'));
    expect(index.upsert(KCP, controlPlane('a-cp'))).toEqual([]);
    expect(index.remove(KCP, controlPlane('a-cp'))).toEqual([]);
  });

  it('moves a pool whose cluster label changes, telling both clusters', () => {
    const index = new ClusterObjectIndex();
    index.upsert(CLUSTERS, cluster('a'));
    index.upsert(CLUSTERS, cluster('b'));
    index.upsert(MDS, pool('md', 'a'));
    expect(index.upsert(MDS, pool('md', 'b')).sort()).toEqual(['a', 'b']);
    expect(index.snapshot('a').pools).toEqual([]);
    expect(index.snapshot('b').pools).toHaveLength(1);
    expect(index.remove(MDS, pool('md', 'b'))).toEqual(['b']);
    expect(index.snapshot('b').pools).toEqual([]);
  });

  it('reports a deleted Cluster, whose snapshot is then empty', () => {
    const index = new ClusterObjectIndex();
    index.upsert(CLUSTERS, cluster('a', 'a-cp'));
    index.upsert(KCP, controlPlane('a-cp'));
    expect(index.remove(CLUSTERS, cluster('a', 'a-cp'))).toEqual(['a']);
    expect(index.snapshot('a')).toEqual({ pools: [] });
    expect(index.clusterNames()).toEqual([]);
  });
});
