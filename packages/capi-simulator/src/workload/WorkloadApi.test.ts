import * as k8s from '@kubernetes/client-node';
import { RunningSimulator, startSimulator } from '../Simulator';
import { clusterClass, topologyCluster } from '../controllers/testFixtures';
import {
  decodeHelmRelease,
  secretKubeconfig,
  workloadClients,
} from './__testUtils__/workloadClients';

// The workload API as an import sees it: only @kubernetes/client-node, over HTTP.
describe('the simulated workload API', () => {
  let sim: RunningSimulator;
  let objects: k8s.KubernetesObjectApi;
  let management: k8s.KubeConfig;

  beforeAll(async () => {
    sim = await startSimulator({ timing: 'instant' });
    management = new k8s.KubeConfig();
    management.loadFromString(sim.kubeconfig());
    objects = k8s.KubernetesObjectApi.makeApiClient(management);
  });
  afterAll(() => sim.stop());

  describe('of a Cluster API cluster', () => {
    let workload: ReturnType<typeof workloadClients>;

    beforeAll(async () => {
      await objects.create(clusterClass('aws') as k8s.KubernetesObject);
      await objects.create(
        topologyCluster('shop', 'aws', {
          version: 'v1.33.4',
          controlPlaneReplicas: 1,
          machineDeployments: [{ name: 'md-0', replicas: 2 }],
          labels: { certs: 'yes' },
        }) as k8s.KubernetesObject,
      );
      await objects.create({
        apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
        kind: 'HelmChartProxy',
        metadata: { name: 'certs', namespace: 'default' },
        spec: {
          clusterSelector: { matchLabels: { certs: 'yes' } },
          chartName: 'cert-manager',
          repoURL: 'https://charts.jetstack.io',
          version: 'v1.17.2',
          namespace: 'cert-manager',
          releaseName: 'cert-manager',
          valuesTemplate: 'crds:\n  enabled: true\nreplicaCount: 2\n',
        },
      } as k8s.KubernetesObject);
      await sim.idle();
      const secret = await management
        .makeApiClient(k8s.CoreV1Api)
        .readNamespacedSecret({
          name: 'shop-kubeconfig',
          namespace: 'default',
        });
      workload = workloadClients(secretKubeconfig(secret));
    });

    it('serves version and nodes sized by the machine templates', async () => {
      expect((await workload.version.getCode()).gitVersion).toBe('v1.33.4');
      const nodes = (await workload.core.listNode()).items;
      expect(nodes.map(n => n.metadata!.name)).toEqual([
        'shop-control-plane-0',
        'shop-md-0-0',
        'shop-md-0-1',
      ]);
      const worker = nodes[1];
      expect(worker.metadata!.labels).toMatchObject({
        'kubernetes.io/hostname': 'shop-md-0-0',
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node-role.kubernetes.io/worker': '',
        'node.kubernetes.io/instance-type': 'm5.xlarge',
        'topology.kubernetes.io/region': 'us-east-1',
      });
      expect(worker.metadata!.labels!['topology.kubernetes.io/zone']).toMatch(
        /^us-east-1[abc]$/,
      );
      expect(worker.status!.capacity).toMatchObject({
        cpu: '4',
        memory: `${16 * 1024 * 1024}Ki`,
      });
      expect(worker.status!.allocatable!.cpu).toBe('3920m');
      expect(worker.status!.nodeInfo).toMatchObject({
        kubeletVersion: 'v1.33.4',
        operatingSystem: 'linux',
        architecture: 'amd64',
      });
      expect(worker.status!.nodeInfo!.osImage).toMatch(/Ubuntu/);
      expect(worker.status!.conditions!.map(c => [c.type, c.status])).toEqual([
        ['MemoryPressure', 'False'],
        ['DiskPressure', 'False'],
        ['PIDPressure', 'False'],
        ['Ready', 'True'],
      ]);
      const named = await workload.core.readNode({ name: 'shop-md-0-1' });
      expect(named.metadata!.uid).toBe(nodes[2].metadata!.uid);
    });

    it('serves the CNI, CSI, system components and the Helm releases of its HelmReleaseProxies', async () => {
      const daemonSets = (await workload.apps.listDaemonSetForAllNamespaces())
        .items;
      expect(
        daemonSets.map(d => `${d.metadata!.namespace}/${d.metadata!.name}`),
      ).toEqual(
        expect.arrayContaining([
          'kube-system/kube-proxy',
          'kube-system/calico-node',
          'kube-system/ebs-csi-node',
        ]),
      );
      const calico = daemonSets.find(d => d.metadata!.name === 'calico-node')!;
      expect(calico.spec!.template.spec!.containers[0].image).toBe(
        'docker.io/calico/node:v3.29.3',
      );
      expect(calico.status).toMatchObject({
        desiredNumberScheduled: 3,
        numberReady: 3,
      });

      const deployments = (
        await workload.apps.listNamespacedDeployment({
          namespace: 'cert-manager',
        })
      ).items;
      expect(deployments.map(d => d.metadata!.name).sort()).toEqual([
        'cert-manager',
        'cert-manager-cainjector',
        'cert-manager-webhook',
      ]);
      expect(deployments[0].metadata!.annotations).toMatchObject({
        'meta.helm.sh/release-name': 'cert-manager',
      });

      const classes = (await workload.storage.listStorageClass()).items;
      const defaults = classes.filter(
        c =>
          c.metadata!.annotations?.[
            'storageclass.kubernetes.io/is-default-class'
          ] === 'true',
      );
      expect(defaults.map(c => [c.metadata!.name, c.provisioner])).toEqual([
        ['gp3', 'ebs.csi.aws.com'],
      ]);

      const secrets = (
        await workload.core.listSecretForAllNamespaces({
          labelSelector: 'owner=helm',
        })
      ).items;
      expect(secrets.map(s => s.metadata!.name)).toEqual([
        'sh.helm.release.v1.cert-manager.v1',
      ]);
      const [secret] = secrets;
      expect(secret.type).toBe('helm.sh/release.v1');
      expect(secret.metadata!.namespace).toBe('cert-manager');
      expect(secret.metadata!.labels).toMatchObject({
        owner: 'helm',
        name: 'cert-manager',
        status: 'deployed',
        version: '1',
      });
      const release = decodeHelmRelease(secret);
      expect(release).toMatchObject({
        name: 'cert-manager',
        namespace: 'cert-manager',
        version: 1,
        info: { status: 'deployed' },
        chart: {
          metadata: {
            name: 'cert-manager',
            version: 'v1.17.2',
            appVersion: 'v1.17.2',
          },
        },
        config: { crds: { enabled: true }, replicaCount: 2 },
      });

      const namespaces = (await workload.core.listNamespace()).items.map(
        n => n.metadata!.name,
      );
      expect(namespaces).toEqual(
        expect.arrayContaining([
          'default',
          'kube-system',
          'cert-manager',
          'palette-scans',
        ]),
      );
    });

    it('serves discovery for the kinds it serves, read-only', async () => {
      const { kc } = workload;
      const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
      expect(groups.groups.map(g => g.name).sort()).toEqual([
        'apps',
        'storage.k8s.io',
      ]);
      const apps = await workload.apps.getAPIResources();
      expect(apps.resources.map(r => [r.name, r.verbs])).toEqual([
        ['daemonsets', ['get', 'list']],
        ['deployments', ['get', 'list']],
      ]);
      const core = await workload.core.getAPIResources();
      expect(core.resources.map(r => r.name).sort()).toEqual([
        'configmaps',
        'namespaces',
        'nodes',
        'secrets',
      ]);
      expect(
        (await kc.makeApiClient(k8s.CoreApi).getAPIVersions()).versions,
      ).toEqual(['v1']);
    });

    it('honours selectors and pagination, and refuses writes and wrong tokens', async () => {
      const page = await workload.core.listNode({ limit: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.metadata!.remainingItemCount).toBe(1);
      const rest = await workload.core.listNode({
        limit: 2,
        _continue: page.metadata!._continue,
      });
      expect(rest.items.map(n => n.metadata!.name)).toEqual(['shop-md-0-1']);
      const byField = await workload.core.listNode({
        fieldSelector: 'metadata.name=shop-md-0-0',
      });
      expect(byField.items).toHaveLength(1);
      const byType = await workload.core.listSecretForAllNamespaces({
        fieldSelector: 'type=helm.sh/release.v1',
      });
      expect(byType.items).toHaveLength(1);
      await expect(
        workload.core.listNode({ fieldSelector: 'spec.nonsense=1' }),
      ).rejects.toMatchObject({ code: 400 });

      await expect(
        workload.core.createNamespace({
          body: { metadata: { name: 'nope' } },
        }),
      ).rejects.toMatchObject({ code: 405 });

      const wrong = new k8s.KubeConfig();
      wrong.loadFromString(
        workload.kc
          .exportConfig()
          .replace(/shop-admin-token/g, 'someone-elses-token'),
      );
      await expect(
        wrong.makeApiClient(k8s.CoreV1Api).listNode(),
      ).rejects.toMatchObject({ code: 401 });
    });
  });
});
