import { findCapiCrdsDir } from '../crds/__testUtils__/capiCrdsDir';
import { loadCrdsFromDir } from '../crds';
import { KubeObject } from '../store/types';
import {
  CLASSES,
  NS,
  Sim,
  clusterClass,
  isReady,
  startSim,
  topologyCluster,
} from './testFixtures';

const crdsDir = findCapiCrdsDir();
const describeWithCrds = crdsDir ? describe : describe.skip;

// Everything the controllers write must be what the real CRDs accept, with
// nothing the API server would prune: the status field names are right.
describeWithCrds(
  'objects written by the controllers, against the real CRDs',
  () => {
    const crds = crdsDir ? loadCrdsFromDir(crdsDir) : undefined;
    let sim: Sim;
    beforeAll(() => {
      sim = startSim(undefined, crds);
    });
    afterAll(() => sim.stop());

    function problems(obj: KubeObject): string[] {
      const [group, version] = obj.apiVersion.includes('/')
        ? obj.apiVersion.split('/')
        : ['', obj.apiVersion];
      const schema = crds!.schemaFor(group, version, obj.kind);
      if (!schema) return [];
      const { object, causes } = schema.normalize(obj);
      const found = causes.map(c => `${c.field}: ${c.message}`);
      // Defaults may be added; nothing may be pruned.
      const removed = (a: any, b: any, path: string): void => {
        if (a === null || typeof a !== 'object') return;
        for (const [k, v] of Object.entries(a)) {
          if (v === undefined) continue;
          if (b === null || typeof b !== 'object' || !(k in b))
            found.push(`${path}.${k} pruned`);
          else removed(v, b[k], `${path}.${k}`);
        }
      };
      removed({ spec: obj.spec, status: obj.status }, object, '');
      return found;
    }

    // The templates carry what the providers require (MAAS has no
    // MaasClusterTemplate kind, so no ClusterClass can carry its spec: left out).
    const providers = Object.keys(CLASSES).filter(p => p !== 'maas');
    const template = (
      apiVersion: string,
      kind: string,
      name: string,
      spec: any,
    ): KubeObject => ({
      apiVersion,
      kind,
      metadata: { name, namespace: NS },
      spec: { template: { spec } },
    });

    it('serves the preferred (v1beta2) Cluster API version and reaches Available for every provider', async () => {
      const I1 = 'infrastructure.cluster.x-k8s.io/v1beta1';
      const I2 = 'infrastructure.cluster.x-k8s.io/v1beta2';
      sim.create(
        template(I1, 'GCPManagedClusterTemplate', 'gke', {
          project: 'p',
          region: 'europe-west1',
        }),
      );
      sim.create(
        template(I1, 'GCPManagedControlPlaneTemplate', 'gke', {
          project: 'p',
          location: 'europe-west1',
        }),
      );
      sim.create(
        template(I2, 'VSphereClusterTemplate', 'vsphere', {
          server: 'vcenter.example.com',
          identityRef: { kind: 'VSphereClusterIdentity', name: 'vc' },
        }),
      );
      sim.create(
        template(I1, 'OpenStackClusterTemplate', 'openstack', {
          identityRef: { cloudName: 'openstack', name: 'cloud-config' },
        }),
      );
      for (const provider of providers) {
        sim.create(clusterClass(provider));
        const machineBased = !!CLASSES[provider].workers.machineDeployments;
        sim.create(
          topologyCluster(`${provider}-c`, provider, {
            labels: { cni: 'calico' },
            ...(machineBased
              ? {
                  controlPlaneReplicas: 3,
                  machineDeployments: [{ name: 'md-0', replicas: 2 }],
                }
              : { machinePools: [{ name: 'pool-0', replicas: 2 }] }),
          }),
        );
      }
      sim.create({
        apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
        kind: 'HelmChartProxy',
        metadata: { name: 'calico', namespace: NS },
        spec: {
          clusterSelector: { matchLabels: { cni: 'calico' } },
          chartName: 'tigera-operator',
          repoURL: 'https://docs.tigera.io/calico/charts',
        },
      });
      await sim.idle();
      for (const provider of providers) {
        const cluster = sim.must('Cluster', `${provider}-c`);
        expect(cluster.apiVersion).toBe('cluster.x-k8s.io/v1beta2');
        expect([provider, isReady(cluster)]).toEqual([provider, true]);
      }
      // Mid-rollout and deleting states too.
      sim.patch('Cluster', 'dev-c', c => {
        c.spec.topology.version = 'v1.34.0';
      });
      sim.remove('Cluster', 'aws-c');

      const seen = new Map<string, string[]>();
      const unsubscribe = sim.store.watch(sim.store.currentRevision, e => {
        if (e.type === 'DELETED') return;
        const p = problems(e.object);
        if (p.length) seen.set(`${e.object.kind}/${e.object.metadata.name}`, p);
      });
      await sim.idle();
      unsubscribe();
      for (const type of sim.registry.all()) {
        if (type.kind.endsWith('Template')) continue;
        for (const obj of sim.store.scan(type)) {
          const p = problems(obj);
          if (p.length) seen.set(`${obj.kind}/${obj.metadata.name}`, p);
        }
      }
      expect(Object.fromEntries(seen)).toEqual({});
    });
  },
);
