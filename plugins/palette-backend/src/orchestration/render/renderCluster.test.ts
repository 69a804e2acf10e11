import {
  PALETTE_LABELS,
  PALETTE_MANAGED_BY,
} from '@palette-backstage/plugin-palette-common';
import { validateProfile } from '../../profiles';
import { CLOUD_ACCOUNTS } from './__fixtures__/cloudAccounts';
import {
  OBSERVABILITY,
  PROFILE_BY_PROVIDER,
  TEST_PROFILE_VERSIONS,
} from './__fixtures__/profiles';
import {
  inputFor,
  PROVIDERS,
  registry,
  requestFor,
} from './__fixtures__/renderInputs';
import { only, renderOk } from './__fixtures__/results';
import { SCALING_ANNOTATIONS } from './scaling';
import { PROVIDER_RENDERERS, renderCluster, renderedKinds } from '.';

const withObservability = (provider: (typeof PROVIDERS)[number]) =>
  inputFor(provider, {
    addOnProfiles: [OBSERVABILITY],
    request: {
      variables: {
        ...requestFor(provider).variables,
        grafanaAdminPassword: 'correct-horse-battery',
      },
    },
  });

describe('renderCluster', () => {
  it('renders from test profiles that are valid profiles', () => {
    for (const profile of TEST_PROFILE_VERSIONS) {
      expect([profile.name, validateProfile(profile, registry)]).toEqual([
        profile.name,
        [],
      ]);
    }
  });

  it.each(PROVIDERS)(
    '%s: labels every object with cluster, profile, version (and pack on add-ons)',
    provider => {
      const { objects } = renderOk(withObservability(provider));
      const profile = PROFILE_BY_PROVIDER[provider];
      for (const object of objects) {
        const labels = object.metadata.labels ?? {};
        const pack = labels[PALETTE_LABELS.pack];
        const fromAddOnProfile =
          pack !== undefined &&
          OBSERVABILITY.layers.some(l => l.packName === pack);
        const owner = fromAddOnProfile ? OBSERVABILITY : profile;
        expect([object.kind, object.metadata.name, labels]).toEqual([
          object.kind,
          object.metadata.name,
          expect.objectContaining({
            [PALETTE_LABELS.managedBy]: PALETTE_MANAGED_BY,
            [PALETTE_LABELS.cluster]: `${provider}-demo`,
            [PALETTE_LABELS.profile]: owner.name,
            [PALETTE_LABELS.profileVersion]: owner.version,
          }),
        ]);
        const isAddOn = ['HelmChartProxy', 'ClusterResourceSet', 'ConfigMap'];
        expect([object.kind, pack !== undefined]).toEqual([
          object.kind,
          isAddOn.includes(object.kind),
        ]);
        expect(object.metadata.namespace).toBe('default');
      }
    },
  );

  it.each(PROVIDERS)(
    '%s: orders templates before the ClusterClass, the Cluster, then add-ons',
    provider => {
      const { objects } = renderOk(withObservability(provider));
      const kinds = objects.map(o => o.kind);
      const cluster = kinds.indexOf('Cluster');
      const firstAddOn = kinds.indexOf('HelmChartProxy');
      expect(cluster).toBeGreaterThan(0);
      expect(firstAddOn).toBeGreaterThan(cluster);
      expect(
        kinds.filter((kind, i) => kind.endsWith('Template') && i > cluster),
      ).toEqual([]);
      // MAAS has no ClusterClass (see providers/maas.ts).
      expect(kinds.indexOf('ClusterClass')).toBe(
        provider === 'maas' ? -1 : cluster - 1,
      );
      // Everything after the first add-on is an add-on.
      expect(
        kinds
          .slice(firstAddOn)
          .every(k =>
            ['HelmChartProxy', 'ClusterResourceSet', 'ConfigMap'].includes(k),
          ),
      ).toBe(true);
      // Everything rendered is a kind the reconciler knows to list.
      const listed = new Set(
        renderedKinds(provider).map(k => `${k.apiVersion}/${k.kind}`),
      );
      for (const object of objects) {
        expect(listed).toContain(`${object.apiVersion}/${object.kind}`);
      }
    },
  );

  it('gives Cluster API the Kubernetes pack version, v-prefixed (GKE with its build)', () => {
    const versions = Object.fromEntries(
      PROVIDERS.map(p => [p, renderOk(inputFor(p)).kubernetesVersion]),
    );
    expect(versions).toEqual({
      aws: 'v1.34.10',
      eks: 'v1.34.4',
      azure: 'v1.34.10',
      aks: 'v1.34.10',
      gcp: 'v1.34.10',
      gke: 'v1.34.9-gke.1287000',
      vsphere: 'v1.34.10',
      openstack: 'v1.34.10',
      maas: 'v1.34.10',
      dev: 'v1.34.4',
    });
    const { objects } = renderOk(inputFor('gke'));
    expect(only(objects, 'Cluster').spec.topology.version).toBe(
      'v1.34.9-gke.1287000',
    );
  });

  it('renders the same input to the same objects', () => {
    for (const provider of PROVIDERS) {
      expect(renderCluster(withObservability(provider))).toEqual(
        renderCluster(withObservability(provider)),
      );
    }
  });

  describe('the managed topology', () => {
    it('is one ClusterClass per cluster, one worker class per pool', () => {
      const { objects } = renderOk(inputFor('aws'));
      const clusterClass = only(objects, 'ClusterClass');
      const cluster = only(objects, 'Cluster');
      expect(clusterClass.metadata.name).toBe('aws-demo');
      expect(cluster.spec.topology.classRef).toEqual({ name: 'aws-demo' });
      expect(
        clusterClass.spec.workers.machineDeployments.map((c: any) => c.class),
      ).toEqual(['workers', 'batch']);
      // Every templateRef names a rendered template of that kind.
      const refs = [
        clusterClass.spec.infrastructure.templateRef,
        clusterClass.spec.controlPlane.templateRef,
        clusterClass.spec.controlPlane.machineInfrastructure.templateRef,
        ...clusterClass.spec.workers.machineDeployments.flatMap((c: any) => [
          c.bootstrap.templateRef,
          c.infrastructure.templateRef,
        ]),
      ];
      for (const ref of refs) {
        expect(
          objects.some(
            o =>
              o.apiVersion === ref.apiVersion &&
              o.kind === ref.kind &&
              o.metadata.name === ref.name,
          ),
        ).toBe(true);
      }
      expect(cluster.metadata.labels[PALETTE_LABELS.cluster]).toBe('aws-demo');
    });

    it('sizes pools by count, or leaves autoscaled ones to the autoscaler', () => {
      const { objects } = renderOk(inputFor('aws'));
      const [workers, batch] = only(objects, 'Cluster').spec.topology.workers
        .machineDeployments;
      expect(workers).toEqual({
        class: 'workers',
        name: 'workers',
        replicas: 3,
      });
      expect(batch).toEqual({
        class: 'batch',
        name: 'batch',
        metadata: {
          annotations: {
            [SCALING_ANNOTATIONS.minSize]: '1',
            [SCALING_ANNOTATIONS.maxSize]: '5',
          },
        },
      });
    });

    it('uses MachinePools on AKS and GKE, marked as externally scaled when autoscaled', () => {
      for (const provider of ['aks', 'gke'] as const) {
        const { objects } = renderOk(inputFor(provider));
        const topology = only(objects, 'Cluster').spec.topology;
        expect(topology.controlPlane).toBeUndefined();
        expect(topology.workers.machineDeployments).toBeUndefined();
        expect(topology.workers.machinePools).toEqual([
          { class: 'workers', name: 'workers', replicas: 3 },
          {
            class: 'batch',
            name: 'batch',
            metadata: {
              annotations: {
                [SCALING_ANNOTATIONS.replicasManagedBy]: 'external-autoscaler',
              },
            },
          },
        ]);
      }
    });

    it('asks for the requested control plane replicas where Cluster API runs the control plane', () => {
      for (const provider of PROVIDERS) {
        const input = inputFor(provider, {
          request: { controlPlane: { replicas: 5 } },
        });
        const { objects } = renderOk(input);
        // MAAS has no topology: its KubeadmControlPlane is rendered directly.
        const replicas =
          provider === 'maas'
            ? only(objects, 'KubeadmControlPlane').spec.replicas
            : only(objects, 'Cluster').spec.topology.controlPlane?.replicas;
        const expected = PROVIDER_RENDERERS[provider].managedControlPlane
          ? undefined
          : 5;
        expect([provider, replicas]).toEqual([provider, expected]);
      }
    });

    it('takes the pod network from the Kubernetes layer (with its variables)', () => {
      const { objects } = renderOk(
        inputFor('vsphere', {
          request: {
            variables: {
              controlPlaneVip: '10.20.0.10',
              podCidr: '172.20.0.0/16',
            },
          },
        }),
      );
      expect(only(objects, 'Cluster').spec.clusterNetwork).toEqual({
        pods: { cidrBlocks: ['172.20.0.0/16'] },
        services: { cidrBlocks: ['10.96.0.0/12'] },
        serviceDomain: 'cluster.local',
      });
      // The dev profile's podCidr is read-only: its default is all it takes.
      const dev = renderOk(
        inputFor('dev', {
          request: { variables: { podCidr: '10.244.0.0/16' } },
        }),
      );
      expect(only(dev.objects, 'Cluster').spec.clusterNetwork.pods).toEqual({
        cidrBlocks: ['10.244.0.0/16'],
      });
    });
  });

  describe('template names', () => {
    const templateNames = (
      objects: { kind: string; metadata: { name: string } }[],
    ) =>
      objects
        .filter(o => o.kind.endsWith('Template'))
        .map(o => o.metadata.name)
        .sort();

    it('name templates <cluster>-<role>-<hash>', () => {
      const { objects } = renderOk(inputFor('aws'));
      expect(
        templateNames(objects).map(n => n.replace(/-[0-9a-f]{8}$/, '-#')),
      ).toEqual([
        'aws-demo-batch-#',
        'aws-demo-batch-bootstrap-#',
        'aws-demo-cluster-#',
        'aws-demo-control-plane-#',
        'aws-demo-control-plane-machine-#',
        'aws-demo-workers-#',
        'aws-demo-workers-bootstrap-#',
      ]);
    });

    it('give changed content a new template and leave the rest as they are', () => {
      // (The batch pool: the first pool's type is also the control plane's.)
      const before = templateNames(renderOk(inputFor('aws')).objects);
      const request = requestFor('aws');
      const after = templateNames(
        renderOk(
          inputFor('aws', {
            request: {
              workerPools: [
                request.workerPools[0],
                { ...request.workerPools[1], instanceType: 'm6i.xlarge' },
              ],
            },
          }),
        ).objects,
      );
      const changed = after.filter(n => !before.includes(n));
      expect(changed).toHaveLength(1);
      expect(changed[0]).toMatch(/^aws-demo-batch-[0-9a-f]{8}$/);
    });

    it('change every kubeadm template with a new profile version that changes the Kubernetes layer', () => {
      const older = PROFILE_BY_PROVIDER.aws;
      const newer = {
        ...older,
        version: '1.2.0',
        layers: older.layers.map(l =>
          l.packName === 'kubernetes'
            ? { ...l, values: `${l.values}kubelet:\n  extraArgs: []\n` }
            : l,
        ),
      };
      const before = templateNames(renderOk(inputFor('aws')).objects);
      const after = templateNames(
        renderOk(
          inputFor('aws', {
            profile: newer,
            request: { profile: { name: newer.name, version: newer.version } },
          }),
        ).objects,
      );
      const changed = after.filter(n => !before.includes(n));
      expect(changed.map(n => n.replace(/-[0-9a-f]{8}$/, ''))).toEqual([
        'aws-demo-batch-bootstrap',
        'aws-demo-control-plane',
        'aws-demo-workers-bootstrap',
      ]);
    });
  });

  it('uses each provider’s cloud account settings', () => {
    expect(CLOUD_ACCOUNTS.vsphere.settings.server).toBe('vcenter.example.com');
    const { objects } = renderOk(inputFor('vsphere'));
    expect(
      only(objects, 'VSphereMachineTemplate', 'vsphere-demo-workers-').spec
        .template.spec,
    ).toMatchObject({
      server: 'vcenter.example.com',
      datacenter: 'dc1',
      datastore: 'vsanDatastore',
      network: { devices: [{ networkName: 'VM Network', dhcp4: true }] },
    });
  });
});
