import { capiCrdsDir } from '../../__testUtils__/capiCrdsDir';
import { inputFor, PROVIDERS } from './__fixtures__/renderInputs';
import {
  isClusterReady,
  SimulatedManagementCluster,
} from './__fixtures__/simulator';
import { PROVIDER_RENDERERS, renderCluster } from '.';

// Rendered clusters applied to the simulated management cluster with its
// Cluster API controllers running: the controllers stamp the infrastructure
// cluster, control plane and pools from the ClusterClass templates (or, for
// MAAS, work from the objects themselves) and the Cluster must become ready
// the v1beta2 way. This proves the renders hang together end to end.
describe('rendered clusters on the simulated management cluster', () => {
  let managementCluster: SimulatedManagementCluster;

  beforeAll(async () => {
    managementCluster = await SimulatedManagementCluster.start({
      crdsDir: capiCrdsDir(),
      controllers: true,
      timing: 'instant',
    });
  });
  afterAll(() => managementCluster?.stop());

  async function applyAndSettle(provider: (typeof PROVIDERS)[number]) {
    const result = renderCluster(inputFor(provider));
    if (!result.ok) throw new Error(JSON.stringify(result.messages));
    for (const object of result.objects) {
      const outcome = await managementCluster.apply(object);
      if (!outcome.ok) {
        throw new Error(
          `${object.kind}/${object.metadata.name}: ${outcome.error}`,
        );
      }
    }
    await managementCluster.simulator.idle();
    return managementCluster.read({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: `${provider}-demo`, namespace: 'default' },
    }) as Promise<any>;
  }

  it('a dev cluster reaches Available with every replica up to date', async () => {
    const cluster = await applyAndSettle('dev');
    expect(isClusterReady(cluster)).toBe(true);
    // The topology controller named the parts as `clusterObjectName` says.
    expect(cluster.spec.controlPlaneRef).toEqual({
      apiGroup: 'controlplane.cluster.x-k8s.io',
      kind: 'KubeadmControlPlane',
      name: 'dev-demo-control-plane',
    });
    expect(cluster.spec.infrastructureRef.name).toBe('dev-demo');
    // 3 control plane machines; pools of 3 and the autoscaled one at 1.
    expect(cluster.status.controlPlane.readyReplicas).toBe(3);
    expect(cluster.status.workers.readyReplicas).toBe(4);
  });

  it.each(PROVIDERS.filter(p => p !== 'dev'))(
    '%s: the cluster reaches Available',
    async provider => {
      const cluster = await applyAndSettle(provider);
      expect([provider, isClusterReady(cluster)]).toEqual([provider, true]);
      // Both pools run (3, and the autoscaled one at its minimum of 1) —
      // EKS's node groups beside the topology included.
      expect(cluster.status.workers.readyReplicas).toBe(4);
      // Managed control planes have no machines to count.
      expect(cluster.status.controlPlane?.readyReplicas).toBe(
        PROVIDER_RENDERERS[provider].managedControlPlane ? undefined : 3,
      );
    },
  );
});
