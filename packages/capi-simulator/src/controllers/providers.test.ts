import {
  NS,
  Sim,
  clusterClass,
  condition,
  conditionStatus,
  isReady,
  startSim,
  topologyCluster,
  workloadUrl,
} from './testFixtures';

describe('topology clusters of every provider reach Available', () => {
  let sim: Sim;
  beforeEach(() => {
    sim = startSim();
  });
  afterEach(() => sim.stop());

  const clusterConditions = [
    'Available',
    'InfrastructureReady',
    'ControlPlaneInitialized',
    'ControlPlaneAvailable',
    'WorkersAvailable',
    'RemoteConnectionProbe',
    'TopologyReconciled',
  ];

  function expectAvailable(name: string) {
    const cluster = sim.must('Cluster', name);
    for (const type of clusterConditions) {
      expect([type, conditionStatus(cluster, type)]).toEqual([type, 'True']);
      expect(condition(cluster, type)?.observedGeneration).toBe(
        cluster.metadata.generation,
      );
      expect(condition(cluster, type)?.lastTransitionTime).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      );
    }
    for (const type of [
      'RollingOut',
      'ScalingUp',
      'ScalingDown',
      'Deleting',
      'Paused',
    ]) {
      expect([type, conditionStatus(cluster, type)]).toEqual([type, 'False']);
    }
    expect(condition(cluster, 'TopologyReconciled')?.reason).toBe(
      'ReconcileSucceeded',
    );
    expect(cluster.status.initialization).toEqual({
      infrastructureProvisioned: true,
      controlPlaneInitialized: true,
    });
    expect(cluster.status.observedGeneration).toBe(cluster.metadata.generation);
    expect(cluster.status.phase).toBe('Provisioned');
    expect(cluster.metadata.finalizers).toContain('cluster.cluster.x-k8s.io');
    expect(cluster.spec.controlPlaneEndpoint).toEqual({
      host: '127.0.0.1',
      port: 16443,
    });
    expect(isReady(cluster)).toBe(true);

    const secret = sim.must('Secret', `${name}-kubeconfig`);
    expect(secret.type).toBe('cluster.x-k8s.io/secret');
    expect(secret.metadata.labels['cluster.x-k8s.io/cluster-name']).toBe(name);
    expect(secret.metadata.ownerReferences[0]).toMatchObject({
      kind: 'Cluster',
      name,
      uid: cluster.metadata.uid,
    });
    const kubeconfig = Buffer.from(secret.data.value, 'base64').toString();
    expect(kubeconfig).toContain(`server: ${workloadUrl(NS, name)}`);
    return cluster;
  }

  function expectOwnedChild(obj: any, cluster: any) {
    expect(obj.metadata.labels).toMatchObject({
      'cluster.x-k8s.io/cluster-name': cluster.metadata.name,
      'topology.cluster.x-k8s.io/owned': '',
    });
    expect(obj.metadata.ownerReferences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'Cluster', uid: cluster.metadata.uid }),
      ]),
    );
  }

  it('Dev (CAPD in-memory): DevCluster, KubeadmControlPlane, MachineDeployment', async () => {
    sim.create(clusterClass('dev'));
    sim.create(
      topologyCluster('dev-1', 'dev', {
        controlPlaneReplicas: 3,
        machineDeployments: [{ name: 'md-0', replicas: 3 }],
      }),
    );
    await sim.idle();
    const cluster = expectAvailable('dev-1');
    expect(cluster.spec.infrastructureRef).toEqual({
      apiGroup: 'infrastructure.cluster.x-k8s.io',
      kind: 'DevCluster',
      name: 'dev-1',
    });
    expect(cluster.spec.controlPlaneRef).toEqual({
      apiGroup: 'controlplane.cluster.x-k8s.io',
      kind: 'KubeadmControlPlane',
      name: 'dev-1-control-plane',
    });
    expect(cluster.status.controlPlane).toEqual({
      desiredReplicas: 3,
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      upToDateReplicas: 3,
    });
    expect(cluster.status.workers).toEqual({
      desiredReplicas: 3,
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      upToDateReplicas: 3,
    });

    const infra = sim.must('DevCluster', 'dev-1');
    expectOwnedChild(infra, cluster);
    expect(infra.spec.backend).toEqual({ inMemory: {} });
    expect(infra.status.initialization).toEqual({ provisioned: true });
    expect(conditionStatus(infra, 'Ready')).toBe('True');
    expect(conditionStatus(infra, 'Provisioned')).toBe('True');

    const kcp = sim.must('KubeadmControlPlane', 'dev-1-control-plane');
    expectOwnedChild(kcp, cluster);
    expect(kcp.spec).toMatchObject({
      version: 'v1.33.4',
      replicas: 3,
      machineTemplate: {
        spec: {
          infrastructureRef: {
            apiGroup: 'infrastructure.cluster.x-k8s.io',
            kind: 'DevMachineTemplate',
            name: 'dev-cp',
          },
        },
      },
    });
    expect(kcp.status).toMatchObject({
      initialization: { controlPlaneInitialized: true },
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      upToDateReplicas: 3,
      version: 'v1.33.4',
      versions: [{ version: 'v1.33.4', replicas: 3 }],
      observedGeneration: kcp.metadata.generation,
    });
    expect(conditionStatus(kcp, 'Available')).toBe('True');
    expect(conditionStatus(kcp, 'RollingOut')).toBe('False');
    expect(kcp.metadata.finalizers).toEqual([
      'kubeadm.controlplane.cluster.x-k8s.io',
    ]);

    const md = sim.must('MachineDeployment', 'dev-1-md-0');
    expectOwnedChild(md, cluster);
    expect(
      md.metadata.labels['topology.cluster.x-k8s.io/deployment-name'],
    ).toBe('md-0');
    expect(md.spec).toMatchObject({
      clusterName: 'dev-1',
      replicas: 3,
      template: {
        spec: {
          version: 'v1.33.4',
          bootstrap: {
            configRef: { kind: 'KubeadmConfigTemplate', name: 'dev-worker' },
          },
          infrastructureRef: { kind: 'DevMachineTemplate', name: 'dev-worker' },
        },
      },
    });
    expect(md.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      upToDateReplicas: 3,
      phase: 'Running',
    });
    for (const type of ['Available', 'MachinesReady', 'MachinesUpToDate'])
      expect(conditionStatus(md, type)).toBe('True');
    for (const type of ['RollingOut', 'ScalingUp', 'ScalingDown', 'Deleting'])
      expect(conditionStatus(md, type)).toBe('False');
  });

  it('AWS (CAPA): AWSCluster with KubeadmControlPlane, v1beta1-contract status', async () => {
    sim.create(clusterClass('aws'));
    sim.create(
      topologyCluster('aws-1', 'aws', {
        controlPlaneReplicas: 3,
        machineDeployments: [
          { name: 'md-0', replicas: 2 },
          { name: 'md-1', replicas: 1 },
        ],
      }),
    );
    await sim.idle();
    const cluster = expectAvailable('aws-1');
    expect(cluster.status.workers.desiredReplicas).toBe(3);
    expect(cluster.status.workers.availableReplicas).toBe(3);
    const infra = sim.must('AWSCluster', 'aws-1');
    // CAPA v2.11 has no status.initialization: it reports status.ready.
    expect(infra.status.ready).toBe(true);
    expect(infra.status.initialization).toBeUndefined();
    expect(infra.spec.controlPlaneEndpoint).toEqual({
      host: '127.0.0.1',
      port: 16443,
    });
    const ready = condition(infra, 'Ready');
    expect(ready).toMatchObject({ type: 'Ready', status: 'True' });
    expect(ready).not.toHaveProperty('observedGeneration');
    expect(infra.metadata.finalizers).toEqual([
      'awscluster.infrastructure.cluster.x-k8s.io',
    ]);
    expect(sim.must('MachineDeployment', 'aws-1-md-1').status.replicas).toBe(1);
  });

  it('EKS: AWSManagedControlPlane with AWSManagedMachinePool through a MachinePool', async () => {
    sim.create(clusterClass('eks'));
    sim.create(
      topologyCluster('eks-1', 'eks', {
        version: 'v1.32.0',
        machinePools: [{ name: 'pool-0', replicas: 3 }],
      }),
    );
    await sim.idle();
    const cluster = expectAvailable('eks-1');
    expect(cluster.spec.controlPlaneRef).toEqual({
      apiGroup: 'controlplane.cluster.x-k8s.io',
      kind: 'AWSManagedControlPlane',
      name: 'eks-1-control-plane',
    });
    expect(cluster.spec.infrastructureRef.kind).toBe('AWSManagedCluster');
    // A managed control plane has no replicas: no status.controlPlane counters.
    expect(cluster.status.controlPlane).toBeUndefined();
    expect(cluster.status.workers).toEqual({
      desiredReplicas: 3,
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      upToDateReplicas: 3,
    });
    const cp = sim.must('AWSManagedControlPlane', 'eks-1-control-plane');
    expect(cp.spec.version).toBe('v1.32.0');
    expect(cp.spec.replicas).toBeUndefined();
    expect(cp.status).toMatchObject({
      initialized: true,
      ready: true,
      version: 'v1.32.0',
      externalManagedControlPlane: true,
    });
    const mp = sim.must('MachinePool', 'eks-1-pool-0');
    expect(mp.spec.template.spec.infrastructureRef).toEqual({
      apiGroup: 'infrastructure.cluster.x-k8s.io',
      kind: 'AWSManagedMachinePool',
      name: 'eks-1-pool-0',
    });
    expect(mp.spec.template.spec.bootstrap.configRef.kind).toBe(
      'EKSConfigTemplate',
    );
    expect(mp.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      upToDateReplicas: 3,
      phase: 'Running',
      initialization: {
        infrastructureProvisioned: true,
        bootstrapDataSecretCreated: true,
      },
    });
    expect(conditionStatus(mp, 'Available')).toBe('True');
    const pool = sim.must('AWSManagedMachinePool', 'eks-1-pool-0');
    expect(pool.status).toMatchObject({ ready: true, replicas: 3 });
    expect(pool.metadata.labels['topology.cluster.x-k8s.io/pool-name']).toBe(
      'pool-0',
    );
  });

  it('GKE: GCPManagedCluster, GCPManagedControlPlane and GCPManagedMachinePool', async () => {
    sim.create(clusterClass('gke'));
    sim.create(
      topologyCluster('gke-1', 'gke', {
        machinePools: [{ name: 'pool-0', replicas: 2 }],
      }),
    );
    await sim.idle();
    expectAvailable('gke-1');
    const cp = sim.must('GCPManagedControlPlane', 'gke-1-control-plane');
    expect(cp.status).toMatchObject({
      ready: true,
      initialized: true,
      version: 'v1.33.4',
    });
    expect(cp.spec.endpoint).toEqual({ host: '127.0.0.1', port: 16443 });
    expect(sim.must('GCPManagedCluster', 'gke-1').status.ready).toBe(true);
    expect(
      sim.must('GCPManagedMachinePool', 'gke-1-pool-0').status,
    ).toMatchObject({
      ready: true,
      replicas: 2,
    });
  });

  it('AKS: AzureASOManaged* kinds, which report no conditions', async () => {
    sim.create(clusterClass('aks'));
    sim.create(
      topologyCluster('aks-1', 'aks', {
        machinePools: [{ name: 'pool-0', replicas: 1 }],
      }),
    );
    await sim.idle();
    expectAvailable('aks-1');
    const infra = sim.must('AzureASOManagedCluster', 'aks-1');
    expect(infra.status).toEqual({ ready: true });
    const cp = sim.must('AzureASOManagedControlPlane', 'aks-1-control-plane');
    expect(cp.status).toEqual({
      initialized: true,
      ready: true,
      version: 'v1.33.4',
    });
  });

  it.each([
    ['vsphere', 'VSphereCluster', { initialization: { provisioned: true } }],
    [
      'openstack',
      'OpenStackCluster',
      { ready: true, initialization: { provisioned: true } },
    ],
    [
      'maas',
      'MaasCluster',
      { ready: true, initialization: { provisioned: true } },
    ],
  ])('%s: %s with KubeadmControlPlane', async (provider, kind, shape) => {
    sim.create(clusterClass(provider));
    sim.create(
      topologyCluster(`${provider}-1`, provider, {
        controlPlaneReplicas: 1,
        machineDeployments: [{ name: 'md-0', replicas: 2 }],
      }),
    );
    await sim.idle();
    expectAvailable(`${provider}-1`);
    expect(sim.must(kind, `${provider}-1`).status).toMatchObject(shape);
  });
});
