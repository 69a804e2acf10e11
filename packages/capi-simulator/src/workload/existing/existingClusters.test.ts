import * as k8s from '@kubernetes/client-node';
import { RunningSimulator, startSimulator } from '../../Simulator';
import {
  decodeHelmRelease,
  workloadClients,
} from '../__testUtils__/workloadClients';

describe('existing clusters', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ timing: 'instant' });
  });
  afterAll(() => sim.stop());

  /** The simulator's own endpoints, with the management cluster's token. */
  const simulatorApi = (path: string, init: RequestInit = {}) =>
    fetch(`${sim.url}/simulator/${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${sim.token}`,
        'content-type': 'application/json',
      },
    });

  it('hosts the demo set, with kubeconfigs over HTTP that client-node loads', async () => {
    expect(sim.existingClusterNames()).toEqual([
      'analytics-aks',
      'edge-retail-01',
      'legacy-payments',
    ]);
    const listed = await simulatorApi('existing-clusters');
    expect(await listed.json()).toEqual({
      items: [
        { name: 'analytics-aks', health: 'healthy' },
        { name: 'edge-retail-01', health: 'healthy' },
        { name: 'legacy-payments', health: 'healthy' },
      ],
    });
    const res = await simulatorApi(
      'existing-clusters/legacy-payments/kubeconfig',
    );
    expect(res.headers.get('content-type')).toBe('application/yaml');
    const kubeconfig = await res.text();
    expect(kubeconfig).toBe(sim.existingClusterKubeconfig('legacy-payments'));
    const kc = new k8s.KubeConfig();
    kc.loadFromString(kubeconfig);
    expect(kc.getCurrentCluster()!.server).toBe(
      `${sim.url}/workload/existing/legacy-payments`,
    );
    expect(kc.getCurrentUser()!.token).toBe('legacy-payments-admin-token');

    // The management token guards them; unknown clusters are 404.
    const anonymous = await fetch(`${sim.url}/simulator/existing-clusters`);
    expect(anonymous.status).toBe(401);
    expect(
      (await simulatorApi('existing-clusters/nowhere/kubeconfig')).status,
    ).toBe(404);
    expect(() => sim.existingClusterKubeconfig('nowhere')).toThrow(
      /no existing cluster/,
    );
  });

  it('serves an EKS-like cluster: version, nodes, CNI, CSI, Helm releases', async () => {
    const w = workloadClients(sim.existingClusterKubeconfig('legacy-payments'));
    expect(await w.version.getCode()).toMatchObject({
      gitVersion: 'v1.32.3-eks-4096722',
      major: '1',
      minor: '32',
    });

    const nodes = (await w.core.listNode()).items;
    expect(nodes).toHaveLength(5);
    const batch = nodes.filter(
      n => n.metadata!.labels!['eks.amazonaws.com/nodegroup'] === 'batch',
    );
    expect(batch).toHaveLength(2);
    expect(batch[0].metadata!.name).toMatch(/^ip-10-0-\d+-\d+\.ec2\.internal$/);
    expect(batch[0].metadata!.labels).toMatchObject({
      'node.kubernetes.io/instance-type': 'm5.2xlarge',
      'topology.kubernetes.io/region': 'us-east-1',
      workload: 'batch',
    });
    expect(batch[0].spec!.providerID).toMatch(/^aws:\/\/\/us-east-1[abc]\/i-0/);
    expect(batch[0].status!.capacity).toMatchObject({
      cpu: '8',
      memory: `${32 * 1024 * 1024}Ki`,
    });
    expect(batch[0].status!.nodeInfo).toMatchObject({
      osImage: 'Amazon Linux 2023.7.20250414',
      kubeletVersion: 'v1.32.3-eks-473151a',
      containerRuntimeVersion: 'containerd://1.7.27',
    });

    const daemonSets = (
      await w.apps.listNamespacedDaemonSet({ namespace: 'kube-system' })
    ).items;
    const awsNode = daemonSets.find(d => d.metadata!.name === 'aws-node')!;
    expect(awsNode.spec!.template.spec!.containers[0].image).toMatch(
      /amazon-k8s-cni:v1\.19\.2-eksbuild\.1$/,
    );
    expect(
      (await w.storage.listStorageClass()).items.map(c => c.provisioner),
    ).toContain('ebs.csi.aws.com');

    // Helm keeps older revisions: the newest is deployed, the rest superseded.
    const secrets = (
      await w.core.listNamespacedSecret({
        namespace: 'ingress-nginx',
        labelSelector: 'owner=helm,name=ingress-nginx',
      })
    ).items;
    expect(
      secrets.map(s => [s.metadata!.name, s.metadata!.labels!.status]),
    ).toEqual([
      ['sh.helm.release.v1.ingress-nginx.v2', 'superseded'],
      ['sh.helm.release.v1.ingress-nginx.v3', 'superseded'],
      ['sh.helm.release.v1.ingress-nginx.v4', 'deployed'],
    ]);
    const release = decodeHelmRelease(secrets[2]);
    expect(release.version).toBe(4);
    expect(release.chart.metadata).toMatchObject({
      name: 'ingress-nginx',
      version: '4.11.3',
      appVersion: '1.11.3',
    });
    expect(release.config.controller.replicaCount).toBe(3);
    const deployed = (
      await w.core.listSecretForAllNamespaces({
        labelSelector: 'owner=helm,status=deployed',
      })
    ).items.map(s => decodeHelmRelease(s).chart.metadata.name);
    expect(deployed.sort()).toEqual([
      'cert-manager',
      'ingress-nginx',
      'kube-prometheus-stack',
    ]);
    const monitoring = (
      await w.apps.listNamespacedDaemonSet({ namespace: 'monitoring' })
    ).items;
    expect(monitoring.map(d => d.metadata!.name)).toEqual([
      'monitoring-prometheus-node-exporter',
    ]);
    expect(
      (await w.core.listNamespace()).items.map(n => n.metadata!.name),
    ).toEqual(expect.arrayContaining(['payments', 'monitoring']));
  });

  it('tells distributions apart: kubeadm on premises and AKS', async () => {
    const edge = workloadClients(
      sim.existingClusterKubeconfig('edge-retail-01'),
    );
    expect((await edge.version.getCode()).gitVersion).toBe('v1.31.7');
    const edgeNodes = (await edge.core.listNode()).items;
    expect(
      edgeNodes.filter(
        n => 'node-role.kubernetes.io/control-plane' in n.metadata!.labels!,
      ),
    ).toHaveLength(1);
    expect(edgeNodes[0].status!.nodeInfo!.osImage).toBe('Ubuntu 22.04.5 LTS');
    expect(
      (await edge.apps.listDaemonSetForAllNamespaces()).items.map(
        d => d.metadata!.name,
      ),
    ).toEqual(expect.arrayContaining(['cilium', 'longhorn-manager']));
    expect(
      (await edge.storage.listStorageClass()).items.map(c => c.provisioner),
    ).toEqual(['driver.longhorn.io']);

    const aks = workloadClients(sim.existingClusterKubeconfig('analytics-aks'));
    const aksNode = (await aks.core.listNode()).items[0];
    expect(aksNode.metadata!.name).toMatch(/^aks-system-\d{8}-vmss0000\w\w$/);
    expect(aksNode.metadata!.labels).toMatchObject({
      'kubernetes.azure.com/agentpool': 'system',
      'kubernetes.azure.com/cluster':
        'MC_rg-analytics_analytics-aks_westeurope',
    });
    const cns = (
      await aks.apps.readNamespacedDaemonSet({
        name: 'azure-cns',
        namespace: 'kube-system',
      })
    ).spec!.template.spec!;
    expect(cns.initContainers![0].image).toMatch(/azure-cni:v1\.6\.21$/);
    expect(
      (await aks.storage.listStorageClass()).items.map(c => c.provisioner),
    ).toContain('disk.csi.azure.com');
  });

  it('degrades and becomes unreachable on request, in JS and over HTTP', async () => {
    const w = workloadClients(sim.existingClusterKubeconfig('edge-retail-01'));
    const readiness = async () =>
      (await w.core.listNode()).items.map(
        n => n.status!.conditions!.find(c => c.type === 'Ready')!.status,
      );
    expect(await readiness()).toEqual(['True', 'True', 'True']);

    sim.setExistingClusterHealth('edge-retail-01', 'degraded');
    expect(await readiness()).toEqual(['True', 'True', 'Unknown']);
    const lost = (await w.core.listNode()).items[2];
    expect(lost.spec!.taints).toEqual([
      expect.objectContaining({ key: 'node.kubernetes.io/unreachable' }),
    ]);
    const cilium = await w.apps.readNamespacedDaemonSet({
      name: 'cilium',
      namespace: 'kube-system',
    });
    expect(cilium.status).toMatchObject({
      numberReady: 2,
      numberUnavailable: 1,
    });

    const put = await simulatorApi('existing-clusters/edge-retail-01/health', {
      method: 'PUT',
      body: JSON.stringify({ health: 'unreachable' }),
    });
    expect(await put.json()).toEqual({
      name: 'edge-retail-01',
      health: 'unreachable',
    });
    await expect(w.version.getCode()).rejects.toThrow();
    await expect(w.core.listNode()).rejects.toThrow();

    const bad = await simulatorApi('existing-clusters/edge-retail-01/health', {
      method: 'PUT',
      body: JSON.stringify({ health: 'on-fire' }),
    });
    expect(bad.status).toBe(400);
    sim.setExistingClusterHealth('edge-retail-01', 'healthy');
    expect(await readiness()).toEqual(['True', 'True', 'True']);
  });

  it('refuses wrong tokens and unknown clusters', async () => {
    const kubeconfig = sim
      .existingClusterKubeconfig('analytics-aks')
      .replace('analytics-aks-admin-token', 'legacy-payments-admin-token');
    await expect(
      workloadClients(kubeconfig).core.listNode(),
    ).rejects.toMatchObject({ code: 401 });
    const res = await fetch(
      `${sim.url}/workload/existing/nowhere/api/v1/nodes`,
      {
        headers: { authorization: 'Bearer nowhere-admin-token' },
      },
    );
    expect(res.status).toBe(404);
  });

  it('can host a custom set instead of the demo one', async () => {
    const custom = await startSimulator({
      timing: 'instant',
      controllers: false,
      existingClusters: [
        {
          name: 'k3s-lab',
          gitVersion: 'v1.30.6+k3s1',
          flavour: 'kubeadm',
          nodePools: [{ name: 'server', role: 'control-plane', count: 1 }],
          csi: [{ name: 'local-path', version: '0.0.30' }],
        },
      ],
    });
    try {
      expect(custom.existingClusterNames()).toEqual(['k3s-lab']);
      const w = workloadClients(custom.existingClusterKubeconfig('k3s-lab'));
      expect((await w.version.getCode()).gitVersion).toBe('v1.30.6+k3s1');
      expect((await w.core.listNode()).items).toHaveLength(1);
      expect(
        (
          await w.core.listSecretForAllNamespaces({
            labelSelector: 'owner=helm',
          })
        ).items,
      ).toEqual([]);
    } finally {
      await custom.stop();
    }
  });
});
