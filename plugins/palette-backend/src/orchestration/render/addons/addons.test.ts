import type { ProfileVersion } from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import { PackRegistry } from '../../../packs';
import { yamlBlock } from '../../../packs/define';
import { OBSERVABILITY, PROFILE_BY_PROVIDER } from '../__fixtures__/profiles';
import { inputFor, requestFor } from '../__fixtures__/renderInputs';
import { only, renderOk } from '../__fixtures__/results';

const goTemplateOutput = (text: string) => text.replaceAll('{{ "{{" }}', '{{');

const observabilityInput = (provider: 'aws' | 'dev', password: string) =>
  inputFor(provider, {
    addOnProfiles: [OBSERVABILITY],
    request: {
      variables: {
        ...requestFor(provider).variables,
        grafanaAdminPassword: password,
        metricsRetention: '30d',
      },
    },
  });

describe('add-ons', () => {
  it('installs each Helm layer with a HelmChartProxy for the cluster, values resolved', () => {
    const { objects } = renderOk(
      observabilityInput('dev', 'correct-horse-battery'),
    );
    const proxy = only(
      objects,
      'HelmChartProxy',
      'dev-demo-kube-prometheus-stack',
    );
    expect(proxy.metadata.labels).toEqual({
      'app.kubernetes.io/managed-by': 'palette',
      'palette.io/cluster': 'dev-demo',
      'palette.io/profile': 'observability',
      'palette.io/profile-version': '1.0.0',
      'palette.io/pack': 'kube-prometheus-stack',
    });
    const { valuesTemplate, ...spec } = proxy.spec;
    expect(spec).toEqual({
      clusterSelector: { matchLabels: { 'palette.io/cluster': 'dev-demo' } },
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chartName: 'kube-prometheus-stack',
      version: '82.10.3',
      namespace: 'monitoring',
      releaseName: 'kube-prometheus-stack',
    });
    // The pack's defaults merged with the layer's values, variables substituted.
    expect(yaml.load(goTemplateOutput(valuesTemplate))).toEqual({
      prometheus: { prometheusSpec: { replicas: 1, retention: '30d' } },
      alertmanager: { enabled: true },
      grafana: { enabled: true, adminPassword: 'correct-horse-battery' },
    });
  });

  it('installs by install priority across profiles: network, storage, then add-ons', () => {
    const { objects } = renderOk(
      observabilityInput('dev', 'correct-horse-battery'),
    );
    expect(
      objects
        .filter(o => o.kind === 'HelmChartProxy')
        .map(o => o.metadata.labels!['palette.io/pack']),
    ).toEqual([
      'flannel',
      'longhorn',
      'cert-manager',
      'kube-prometheus-stack',
      'loki',
    ]);
  });

  it('keeps OCI chart references as CAAPH takes them', () => {
    const { objects } = renderOk(inputFor('dev'));
    expect(
      only(objects, 'HelmChartProxy', 'dev-demo-cert-manager').spec,
    ).toMatchObject({
      repoURL: 'oci://quay.io/jetstack/charts',
      chartName: 'cert-manager',
      version: 'v1.20.2',
    });
  });

  it('escapes Go-template braces in values so CAAPH passes them through', () => {
    const packs = PackRegistry.withBuiltinPacks();
    packs.addCustomPack({
      name: 'alerts',
      version: '1.0.0',
      kind: {
        type: 'helm',
        repository: 'https://charts.example.com',
        chart: 'alerts',
        chartVersion: '1.0.0',
        namespace: 'monitoring',
      },
      defaultValues: yamlBlock`
        rule:
          summary: "{{ $labels.instance }} is down"
      `,
    });
    const addOn: ProfileVersion = {
      ...OBSERVABILITY,
      name: 'alerting',
      layers: [{ packName: 'alerts', packVersion: '1.0.0' }],
      variables: [],
    };
    const { objects } = renderOk({
      ...inputFor('dev', { addOnProfiles: [addOn] }),
      packs,
    });
    const { valuesTemplate } = only(
      objects,
      'HelmChartProxy',
      'dev-demo-alerts',
    ).spec;
    expect(valuesTemplate).toContain('{{ "{{" }} $labels.instance }}');
    expect(valuesTemplate).not.toMatch(/\{\{ \$labels/);
    expect(yaml.load(goTemplateOutput(valuesTemplate))).toEqual({
      rule: { summary: '{{ $labels.instance }} is down' },
    });
  });

  it('applies manifests packs with a ConfigMap per file and a ClusterResourceSet', () => {
    const { objects } = renderOk(inputFor('azure'));
    const configMap = only(objects, 'ConfigMap');
    expect(configMap.metadata.name).toBe(
      'azure-demo-azure-cni-azure-cni-installer.yaml',
    );
    expect(yaml.load(configMap.data['azure-cni-installer.yaml'])).toMatchObject(
      {
        kind: 'DaemonSet',
        metadata: { name: 'azure-cni', namespace: 'kube-system' },
      },
    );
    expect(only(objects, 'ClusterResourceSet').spec).toEqual({
      clusterSelector: { matchLabels: { 'palette.io/cluster': 'azure-demo' } },
      strategy: 'Reconcile',
      resources: [{ kind: 'ConfigMap', name: configMap.metadata.name }],
    });
  });

  it('puts a manifests pack’s namespace on namespaced objects that name none', () => {
    const packs = PackRegistry.withBuiltinPacks();
    packs.addCustomPack({
      name: 'quotas',
      version: '1.0.0',
      kind: {
        type: 'manifests',
        namespace: 'team-apollo',
        manifests: [
          {
            name: 'quota.yaml',
            content: yamlBlock`
              apiVersion: v1
              kind: ResourceQuota
              metadata:
                name: compute
              spec:
                hard:
                  pods: "50"
              ---
              apiVersion: v1
              kind: Namespace
              metadata:
                name: team-apollo
            `,
          },
        ],
      },
    });
    const addOn: ProfileVersion = {
      ...OBSERVABILITY,
      name: 'quotas',
      layers: [{ packName: 'quotas', packVersion: '1.0.0' }],
      variables: [],
    };
    const { objects } = renderOk({
      ...inputFor('dev', { addOnProfiles: [addOn] }),
      packs,
    });
    const documents = yaml.loadAll(
      only(objects, 'ConfigMap').data['quota.yaml'],
    );
    expect(documents).toEqual([
      expect.objectContaining({
        kind: 'ResourceQuota',
        metadata: { name: 'compute', namespace: 'team-apollo' },
      }),
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'team-apollo' },
      },
    ]);
  });

  describe('packs the managed service provides', () => {
    it('EKS: the VPC CNI is configured on the control plane, not installed', () => {
      const { objects } = renderOk(inputFor('eks'));
      expect(
        objects.filter(
          o => o.metadata.labels?.['palette.io/pack'] === 'aws-vpc-cni',
        ),
      ).toEqual([]);
      expect(
        only(objects, 'AWSManagedControlPlaneTemplate').spec.template.spec
          .vpcCni,
      ).toEqual({
        env: [
          { name: 'ENABLE_PREFIX_DELEGATION', value: 'true' },
          { name: 'WARM_PREFIX_TARGET', value: '1' },
        ],
      });
    });

    it('EKS with another CNI: the VPC CNI is removed for it', () => {
      const profile: ProfileVersion = {
        ...PROFILE_BY_PROVIDER.eks,
        layers: PROFILE_BY_PROVIDER.eks.layers.map(l =>
          l.packName === 'aws-vpc-cni'
            ? { packName: 'cilium', packVersion: '1.19.1' }
            : l,
        ),
      };
      const { objects } = renderOk(inputFor('eks', { profile }));
      expect(only(objects, 'HelmChartProxy', 'eks-demo-cilium')).toBeDefined();
      expect(
        only(objects, 'AWSManagedControlPlaneTemplate').spec.template.spec
          .vpcCni,
      ).toEqual({ disable: true });
    });

    it('AKS: Azure CNI and the disk CSI driver configure the managed cluster', () => {
      const { objects } = renderOk(inputFor('aks'));
      expect(objects.filter(o => o.kind === 'HelmChartProxy')).toEqual([]);
      const [managedCluster] = only(
        objects,
        'AzureASOManagedControlPlaneTemplate',
      ).spec.template.spec.resources;
      expect(managedCluster.spec.networkProfile).toEqual({
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        podCidr: '10.244.0.0/16',
        networkPolicy: 'azure',
      });
      expect(managedCluster.spec.storageProfile).toEqual({
        diskCSIDriver: { enabled: true },
      });
    });

    it('AKS with Cilium: no CNI of its own ("bring your own")', () => {
      const profile: ProfileVersion = {
        ...PROFILE_BY_PROVIDER.aks,
        layers: PROFILE_BY_PROVIDER.aks.layers.map(l =>
          l.packName === 'azure-cni'
            ? { packName: 'cilium', packVersion: '1.19.1' }
            : l,
        ),
      };
      const { objects } = renderOk(inputFor('aks', { profile }));
      const [managedCluster] = only(
        objects,
        'AzureASOManagedControlPlaneTemplate',
      ).spec.template.spec.resources;
      expect(managedCluster.spec.networkProfile).toEqual({
        networkPlugin: 'none',
      });
      expect(only(objects, 'HelmChartProxy', 'aks-demo-cilium')).toBeDefined();
    });
  });

  it('warns that a sensitive value ends up in the HelmChartProxy', () => {
    const { messages } = renderOk(
      observabilityInput('aws', 'correct-horse-battery'),
    );
    expect(messages).toEqual([
      {
        severity: 'warning',
        code: 'variable.sensitiveInline',
        field: 'variables.grafanaAdminPassword',
        layer: 'kube-prometheus-stack',
        message: expect.stringContaining(
          'HelmChartProxy aws-demo-kube-prometheus-stack on the management cluster',
        ),
      },
    ]);
    expect(messages[0].message).not.toContain('correct-horse-battery');
  });
});
