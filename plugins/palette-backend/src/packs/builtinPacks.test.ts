import { packKey, packSchema } from '@palette-backstage/plugin-palette-common';
import { BUILTIN_PACKS } from './builtinPacks';
import { PackRegistry } from './PackRegistry';
import { parseValuesYaml, validateAgainstSchema } from './values';

const registry = PackRegistry.withBuiltinPacks();

describe('curated packs', () => {
  it.each(BUILTIN_PACKS.map(p => [packKey(p), p] as const))(
    '%s: default values satisfy its own values schema',
    (_key, pack) => {
      const parsed = parseValuesYaml(pack.defaultValues);
      expect(parsed).toMatchObject({ ok: true });
      expect(
        validateAgainstSchema(
          parsed.ok ? parsed.values : undefined,
          pack.valuesSchema,
        ),
      ).toEqual([]);
    },
  );

  it('every pack passes the pack schema', () => {
    for (const pack of BUILTIN_PACKS) {
      expect(packSchema.safeParse(pack).error).toBeUndefined();
    }
  });

  it('holds the packs the product promises, by layer', () => {
    const names = (layer: string) =>
      registry
        .list({ layer: layer as any, latestOnly: true })
        .map(p => p.name)
        .sort();
    expect(names('os')).toEqual(['flatcar', 'rhel', 'ubuntu']);
    expect(names('k8s')).toEqual([
      'kubernetes',
      'kubernetes-aks',
      'kubernetes-eks',
      'kubernetes-gke',
    ]);
    expect(names('cni')).toEqual([
      'aws-vpc-cni',
      'azure-cni',
      'calico',
      'cilium',
      'flannel',
    ]);
    expect(names('csi')).toEqual([
      'aws-ebs-csi',
      'azure-disk-csi',
      'gcp-pd-csi',
      'longhorn',
      'openstack-cinder-csi',
      'vsphere-csi',
    ]);
    expect(names('addon')).toEqual([
      'cert-manager',
      'external-dns',
      'ingress-nginx',
      'istio',
      'istio-base',
      'kube-prometheus-stack',
      'kyverno',
      'loki',
      'velero',
    ]);
  });

  it('has Ubuntu 22.04 and 24.04 and kubeadm for every minor from 1.31 to 1.34', () => {
    const releases = registry
      .list({ name: 'ubuntu' })
      .map(p => (p.kind as any).release);
    expect(releases).toEqual(expect.arrayContaining(['22.04.5', '24.04.4']));
    const minors = new Set(
      registry
        .versions('kubernetes')
        .map(v => v.split('.').slice(0, 2).join('.')),
    );
    expect([...minors].sort()).toEqual(['1.31', '1.32', '1.33', '1.34']);
  });

  it('ties managed Kubernetes packs to their services', () => {
    for (const [name, cloudType, distribution] of [
      ['kubernetes-eks', 'eks', 'eks'],
      ['kubernetes-aks', 'aks', 'aks'],
      ['kubernetes-gke', 'gke', 'gke'],
    ] as const) {
      for (const pack of registry.list({ name })) {
        expect(pack.cloudTypes).toEqual([cloudType]);
        expect(pack.kind).toMatchObject({
          type: 'kubernetes',
          distribution,
          kubernetesVersion: pack.version,
        });
      }
    }
    expect(
      registry
        .list({ name: 'kubernetes' })
        .every(p => !p.cloudTypes.some(c => ['eks', 'aks', 'gke'].includes(c))),
    ).toBe(true);
  });

  it('keeps cloud-specific CNIs on their clouds', () => {
    const cloudsOf = (name: string) =>
      new Set(registry.list({ name }).flatMap(p => p.cloudTypes));
    expect([...cloudsOf('aws-vpc-cni')].sort()).toEqual(['aws', 'eks']);
    expect([...cloudsOf('azure-cni')].sort()).toEqual(['aks', 'azure']);
  });

  it('supports local dev clusters with kubeadm and the generic CNI and CSI packs', () => {
    for (const name of [
      'kubernetes',
      'calico',
      'cilium',
      'flannel',
      'longhorn',
    ]) {
      expect(registry.latest(name, { cloudType: 'dev' })).toBeDefined();
    }
    expect(
      registry.latest('aws-ebs-csi', { cloudType: 'dev' }),
    ).toBeUndefined();
  });

  it('offers several versions where upgrades matter', () => {
    for (const name of [
      'ubuntu',
      'kubernetes',
      'kubernetes-eks',
      'calico',
      'cilium',
      'aws-ebs-csi',
      'longhorn',
      'cert-manager',
      'kube-prometheus-stack',
      'loki',
      'istio',
    ]) {
      expect(registry.versions(name).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every Helm pack a chart version and an https or OCI repository', () => {
    const helm = BUILTIN_PACKS.flatMap(p =>
      p.kind.type === 'helm' ? [p.kind] : [],
    );
    expect(helm.length).toBeGreaterThan(30);
    for (const kind of helm) {
      expect(kind.chartVersion.replace(/^v/, '')).toMatch(/^\d+\.\d+\.\d+/);
      expect(kind.repository).toMatch(/^(https:\/\/|oci:\/\/)/);
    }
  });

  it('marks the retired Ingress NGINX as deprecated', () => {
    expect(
      registry
        .list({ name: 'ingress-nginx' })
        .every(p => p.deprecated && p.deprecationMessage),
    ).toBe(true);
  });
});
