import type { ProfileVersion } from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import { yamlBlock } from '../../../packs/define';
import { CLOUD_ACCOUNTS } from '../__fixtures__/cloudAccounts';
import { PROFILE_BY_PROVIDER } from '../__fixtures__/profiles';
import { inputFor, requestFor } from '../__fixtures__/renderInputs';
import {
  errorFields,
  only,
  renderErrors,
  renderOk,
} from '../__fixtures__/results';
import { SCALING_ANNOTATIONS } from '../scaling';
import { KUBE_VIP_IMAGE } from './kubeVip';

const templateSpec = (objects: any[], kind: string, prefix: string) =>
  only(objects, kind, prefix).spec.template.spec;

const withOs = (
  provider: keyof typeof PROFILE_BY_PROVIDER,
  os: { packName: string; packVersion: string },
): ProfileVersion => ({
  ...PROFILE_BY_PROVIDER[provider],
  layers: PROFILE_BY_PROVIDER[provider].layers.map(l =>
    ['ubuntu', 'flatcar', 'rhel'].includes(l.packName) ? os : l,
  ),
});

describe('provider renderers', () => {
  it('AWS: CAPA AMI lookup, the account identity, EC2 host names', () => {
    const { objects } = renderOk(inputFor('aws'));
    expect(
      templateSpec(objects, 'AWSClusterTemplate', 'aws-demo-cluster-'),
    ).toEqual({
      region: 'eu-west-1',
      identityRef: { kind: 'AWSClusterRoleIdentity', name: 'aws-prod-role' },
      sshKeyName: 'platform',
    });
    expect(
      templateSpec(objects, 'AWSMachineTemplate', 'aws-demo-workers-'),
    ).toEqual({
      instanceType: 'm6i.large',
      imageLookupBaseOS: 'ubuntu-24.04',
      sshKeyName: 'platform',
      iamInstanceProfile: 'nodes.cluster-api-provider-aws.sigs.k8s.io',
    });
    expect(
      templateSpec(
        objects,
        'AWSMachineTemplate',
        'aws-demo-control-plane-machine-',
      ).iamInstanceProfile,
    ).toBe('control-plane.cluster-api-provider-aws.sigs.k8s.io');
    const kubeadm = templateSpec(
      objects,
      'KubeadmControlPlaneTemplate',
      'aws-demo-',
    ).kubeadmConfigSpec;
    expect(kubeadm.initConfiguration.nodeRegistration.name).toBe(
      '{{ ds.meta_data.local_hostname }}',
    );
    expect(kubeadm.clusterConfiguration.apiServer.extraArgs).toEqual([
      { name: 'profiling', value: 'false' },
      { name: 'audit-log-maxage', value: '30' },
    ]);
  });

  it('AWS with Flatcar: Ignition, and no cloud-init templating in node names', () => {
    const profile = withOs('aws', {
      packName: 'flatcar',
      packVersion: '4459.2.4',
    });
    const { objects } = renderOk(inputFor('aws', { profile }));
    const kubeadm = templateSpec(
      objects,
      'KubeadmControlPlaneTemplate',
      'aws-demo-',
    ).kubeadmConfigSpec;
    expect(kubeadm.format).toBe('ignition');
    expect(kubeadm.initConfiguration.nodeRegistration.name).toBeUndefined();
    expect(
      templateSpec(objects, 'AWSMachineTemplate', 'aws-demo-workers-'),
    ).toMatchObject({
      imageLookupBaseOS: 'flatcar-stable',
      ignition: { version: '3.4' },
    });
  });

  it('EKS: managed node groups next to the topology, scaled by EKS when autoscaled', () => {
    const { objects, messages } = renderOk(inputFor('eks'));
    expect(only(objects, 'ClusterClass').spec.workers).toBeUndefined();
    const batch = only(objects, 'AWSManagedMachinePool', 'eks-demo-batch');
    expect(batch.spec).toEqual({
      eksNodegroupName: 'eks-demo-batch',
      instanceType: 'm6i.large',
      amiType: 'AL2023_x86_64_STANDARD',
      capacityType: 'onDemand',
      scaling: { minSize: 1, maxSize: 5 },
      labels: { 'example.com/tier': 'batch' },
      taints: [
        { key: 'example.com/batch', value: 'true', effect: 'no-schedule' },
      ],
    });
    const pool = only(objects, 'MachinePool', 'eks-demo-batch');
    expect(pool.metadata.annotations).toEqual({
      [SCALING_ANNOTATIONS.replicasManagedBy]: 'external-autoscaler',
    });
    expect(pool.spec.replicas).toBeUndefined();
    expect(pool.spec.template.spec).toEqual({
      clusterName: 'eks-demo',
      version: 'v1.34.4',
      bootstrap: { dataSecretName: '' },
      infrastructureRef: {
        apiGroup: 'infrastructure.cluster.x-k8s.io',
        kind: 'AWSManagedMachinePool',
        name: 'eks-demo-batch',
      },
    });
    expect(only(objects, 'MachinePool', 'eks-demo-workers').spec.replicas).toBe(
      3,
    );
    expect(messages.map(m => m.code)).toContain('os.managed');
    const controlPlane = templateSpec(
      objects,
      'AWSManagedControlPlaneTemplate',
      'eks-demo-',
    );
    expect(controlPlane).toMatchObject({
      region: 'eu-west-1',
      eksClusterName: 'eks-demo',
      endpointAccess: {
        public: true,
        publicCIDRs: ['0.0.0.0/0'],
        private: true,
      },
      logging: {
        apiServer: true,
        audit: true,
        authenticator: true,
        controllerManager: false,
        scheduler: false,
      },
    });
  });

  it('EKS: the public endpoint variable reaches the control plane', () => {
    const { objects } = renderOk(
      inputFor('eks', {
        request: {
          variables: { dnsZone: 'apps.example.com', publicEndpoint: 'false' },
        },
      }),
    );
    expect(
      templateSpec(objects, 'AWSManagedControlPlaneTemplate', 'eks-demo-')
        .endpointAccess.public,
    ).toBe(false);
  });

  it('Azure: CAPZ reference images, the subscription and identity', () => {
    const { objects } = renderOk(inputFor('azure'));
    expect(
      templateSpec(objects, 'AzureClusterTemplate', 'azure-demo-'),
    ).toEqual({
      location: 'westeurope',
      subscriptionID: '00000000-0000-0000-0000-000000000001',
      identityRef: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        kind: 'AzureClusterIdentity',
        name: 'azure-prod-id',
        namespace: 'default',
      },
    });
    expect(
      templateSpec(objects, 'AzureMachineTemplate', 'azure-demo-workers-')
        .image,
    ).toEqual({
      computeGallery: {
        gallery: 'ClusterAPI-f72ceb4f-5159-4c26-a0fe-2ea738f0d019',
        name: 'capi-ubun2-2404',
        version: '1.34.10',
      },
    });
  });

  it('AKS: one System pool, then User pools; an existing resource group is left alone', () => {
    const input = inputFor('aks');
    const { objects } = renderOk({
      ...input,
      cloudAccount: {
        ...CLOUD_ACCOUNTS.aks,
        settings: { resourceGroup: 'rg-shared' },
      },
    });
    const pool = (name: string) =>
      templateSpec(
        objects,
        'AzureASOManagedMachinePoolTemplate',
        `aks-demo-${name}-`,
      ).resources[0];
    expect(pool('workers').spec.mode).toBe('System');
    expect(pool('batch').spec).toMatchObject({
      mode: 'User',
      enableAutoScaling: true,
      minCount: 1,
      maxCount: 5,
      nodeLabels: { 'example.com/tier': 'batch' },
      nodeTaints: ['example.com/batch=true:NoSchedule'],
    });
    const [group] = templateSpec(
      objects,
      'AzureASOManagedClusterTemplate',
      'aks-demo-',
    ).resources;
    expect(group.metadata).toEqual({
      name: 'rg-shared',
      annotations: {
        'serviceoperator.azure.com/credential-from': 'aso-credentials',
        'serviceoperator.azure.com/reconcile-policy': 'skip',
      },
    });
    const [managedCluster] = templateSpec(
      objects,
      'AzureASOManagedControlPlaneTemplate',
      'aks-demo-',
    ).resources;
    expect(managedCluster.spec.owner).toEqual({ name: 'rg-shared' });
    expect(managedCluster.spec.sku).toEqual({ name: 'Base', tier: 'Premium' });
  });

  it('GCP: image-builder image family in the project, credentials Secret', () => {
    const { objects } = renderOk(inputFor('gcp'));
    expect(templateSpec(objects, 'GCPClusterTemplate', 'gcp-demo-')).toEqual({
      project: 'palette-demo',
      region: 'europe-west1',
      credentialsRef: { name: 'gcp-service-account', namespace: 'default' },
    });
    expect(
      templateSpec(objects, 'GCPMachineTemplate', 'gcp-demo-workers-'),
    ).toEqual({
      instanceType: 'n2-standard-4',
      imageFamily:
        'projects/palette-demo/global/images/family/capi-ubuntu-2204-k8s-v1-34',
    });
  });

  it('GKE Autopilot: no node pools (noted)', () => {
    const profile: ProfileVersion = {
      ...PROFILE_BY_PROVIDER.gke,
      layers: PROFILE_BY_PROVIDER.gke.layers.map(l =>
        l.packName === 'kubernetes-gke'
          ? {
              ...l,
              values: yamlBlock`
              enableAutopilot: true
            `,
            }
          : l,
      ),
    };
    const { objects, messages } = renderOk(inputFor('gke', { profile }));
    expect(
      objects.filter(o => o.kind === 'GCPManagedMachinePoolTemplate'),
    ).toEqual([]);
    expect(only(objects, 'Cluster').spec.topology.workers).toBeUndefined();
    expect(messages.map(m => `${m.severity} ${m.field}`)).toContain(
      'info workerPools',
    );
  });

  it('vSphere: VIP on the endpoint, kube-vip on the control plane, sizes as CPUs and memory', () => {
    const { objects } = renderOk(inputFor('vsphere'));
    expect(
      templateSpec(objects, 'VSphereClusterTemplate', 'vsphere-demo-')
        .controlPlaneEndpoint,
    ).toEqual({ host: '10.20.0.10', port: 6443 });
    const kubeadm = templateSpec(
      objects,
      'KubeadmControlPlaneTemplate',
      'vsphere-demo-',
    ).kubeadmConfigSpec;
    const [file] = kubeadm.files;
    expect(file.path).toBe('/etc/kubernetes/manifests/kube-vip.yaml');
    const pod = yaml.load(file.content) as any;
    expect(pod.spec.containers[0].image).toBe(KUBE_VIP_IMAGE);
    expect(pod.spec.containers[0].env).toContainEqual({
      name: 'address',
      value: '10.20.0.10',
    });
    expect(kubeadm.preKubeadmCommands.at(-1)).toContain('super-admin.conf');
    // Workers get neither kube-vip nor its command.
    const worker = templateSpec(
      objects,
      'KubeadmConfigTemplate',
      'vsphere-demo-workers-',
    );
    expect(worker.files).toBeUndefined();
    expect(JSON.stringify(worker)).not.toContain('kube-vip');
    expect(
      templateSpec(objects, 'VSphereMachineTemplate', 'vsphere-demo-workers-'),
    ).toMatchObject({
      template: 'ubuntu-2204-kube-v1.34.10',
      numCPUs: 4,
      memoryMiB: 8192,
      diskGiB: 60,
    });
  });

  it('vSphere: a profile that does not declare the VIP variable is reported', () => {
    const profile: ProfileVersion = {
      ...PROFILE_BY_PROVIDER.vsphere,
      layers: PROFILE_BY_PROVIDER.vsphere.layers.map(l =>
        l.packName === 'kubernetes'
          ? { packName: 'kubernetes', packVersion: '1.34.10' }
          : l,
      ),
      variables: PROFILE_BY_PROVIDER.vsphere.variables!.filter(
        v => v.name !== 'controlPlaneVip',
      ),
    };
    const messages = renderErrors(
      inputFor('vsphere', { profile, request: { variables: {} } }),
    );
    expect(errorFields(messages)).toEqual([
      'variables.controlPlaneVip: variable.missing',
    ]);
  });

  it('OpenStack: clouds.yaml identity, flavors, image-builder image names', () => {
    const { objects } = renderOk(inputFor('openstack'));
    expect(
      templateSpec(objects, 'OpenStackClusterTemplate', 'openstack-demo-'),
    ).toEqual({
      identityRef: {
        type: 'Secret',
        name: 'openstack-clouds',
        cloudName: 'prod',
        region: 'RegionOne',
      },
      externalNetwork: { filter: { name: 'public' } },
      managedSubnets: [{ cidr: '10.6.0.0/24' }],
      managedSecurityGroups: { allowAllInClusterTraffic: true },
      apiServerLoadBalancer: { enabled: true },
    });
    expect(
      templateSpec(
        objects,
        'OpenStackMachineTemplate',
        'openstack-demo-workers-',
      ),
    ).toEqual({
      flavor: 'm1.large',
      image: { filter: { name: 'flatcar-stable-4459.2.4-kube-v1.34.10' } },
    });
  });

  it('MAAS: a cluster without ClusterClass, pools as MachineDeployments', () => {
    const { objects } = renderOk(inputFor('maas'));
    expect(objects.filter(o => o.kind === 'ClusterClass')).toEqual([]);
    const cluster = only(objects, 'Cluster');
    expect(cluster.spec.topology).toBeUndefined();
    expect(cluster.spec.infrastructureRef).toEqual({
      apiGroup: 'infrastructure.cluster.x-k8s.io',
      kind: 'MaasCluster',
      name: 'maas-demo',
    });
    expect(only(objects, 'MaasCluster').spec).toEqual({
      dnsDomain: 'maas.example.com',
      failureDomains: ['az-1'],
    });
    const controlPlane = only(objects, 'KubeadmControlPlane');
    expect(controlPlane.metadata.name).toBe('maas-demo-control-plane');
    expect(controlPlane.spec.version).toBe('v1.34.10');
    expect(controlPlane.spec.kubeadmConfigSpec.preKubeadmCommands).toEqual([
      'timedatectl set-timezone Europe/Berlin',
    ]);
    const batch = only(objects, 'MachineDeployment', 'maas-demo-batch');
    expect(batch.spec.replicas).toBeUndefined();
    expect(batch.metadata.annotations).toEqual({
      [SCALING_ANNOTATIONS.minSize]: '1',
      [SCALING_ANNOTATIONS.maxSize]: '5',
    });
    const workers = only(objects, 'MachineDeployment', 'maas-demo-workers');
    expect(workers.spec.replicas).toBe(3);
    expect(workers.spec.selector.matchLabels).toEqual(
      workers.spec.template.metadata.labels,
    );
    const machine = templateSpec(
      objects,
      'MaasMachineTemplate',
      'maas-demo-workers-',
    );
    expect(machine).toEqual({
      image: 'custom/ubuntu-2404-kube-v1.34.10',
      minCPU: 8,
      minMemory: 16384,
      minDiskSize: 100,
      resourcePool: 'k8s',
    });
    expect(workers.spec.template.spec.infrastructureRef.name).toBe(
      only(objects, 'MaasMachineTemplate', 'maas-demo-workers-').metadata.name,
    );
  });

  it('Dev: the CAPD in-memory backend, instance types ignored', () => {
    const request = requestFor('dev');
    const { objects } = renderOk(
      inputFor('dev', {
        request: {
          workerPools: [
            { ...request.workerPools[0], instanceType: 'anything' },
          ],
        },
      }),
    );
    expect(templateSpec(objects, 'DevClusterTemplate', 'dev-demo-')).toEqual({
      backend: { inMemory: {} },
    });
    expect(
      templateSpec(objects, 'DevMachineTemplate', 'dev-demo-workers-'),
    ).toEqual({
      backend: { inMemory: {} },
    });
  });
});
