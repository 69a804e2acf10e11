import { ConflictError, InputError } from '@backstage/errors';
import type { CustomPackInput } from '@palette-backstage/plugin-palette-common';
import { BUILTIN_PACKS } from './builtinPacks';
import { PackRegistry, packSupportsCloudType } from './PackRegistry';

const customHelm: CustomPackInput = {
  name: 'team-gateway',
  displayName: 'Team gateway',
  version: '1.2.0',
  kind: {
    type: 'helm',
    repository: 'oci://registry.example.com/charts',
    chart: 'gateway',
    chartVersion: '1.2.0',
    namespace: 'gateway',
  },
  defaultValues: 'replicas: 2\n',
  valuesSchema: {
    type: 'object',
    properties: { replicas: { type: 'integer', minimum: 1 } },
  },
};

describe('PackRegistry', () => {
  const registry = PackRegistry.withBuiltinPacks();

  describe('lookup', () => {
    it('finds a pack by name and exact version', () => {
      const calico = registry.get('calico', '3.32.2');
      expect(calico?.kind).toEqual({
        type: 'helm',
        repository: 'https://docs.tigera.io/calico/charts',
        chart: 'tigera-operator',
        chartVersion: 'v3.32.2',
        namespace: 'tigera-operator',
      });
      expect(registry.get('calico', '3.0.0')).toBeUndefined();
      expect(registry.has('calico')).toBe(true);
      expect(registry.has('calico', '3.0.0')).toBe(false);
      expect(registry.has('weave')).toBe(false);
    });

    it('lists the versions of a pack, highest first', () => {
      expect(registry.versions('kubernetes')).toEqual([
        '1.34.10',
        '1.34.4',
        '1.33.13',
        '1.33.10',
        '1.32.12',
        '1.32.11',
        '1.31.14',
        '1.31.13',
      ]);
      expect(registry.versions('nope')).toEqual([]);
    });

    it('picks the latest version that is not deprecated', () => {
      expect(registry.latest('kubernetes-eks')?.version).toBe('1.35.2');
      expect(registry.latest('kubernetes', { cloudType: 'dev' })?.version).toBe(
        '1.34.10',
      );
      // Every ingress-nginx version is deprecated: the highest one is returned.
      expect(registry.latest('ingress-nginx')?.version).toBe('1.15.1');
      expect(
        registry.latest('kubernetes', { cloudType: 'eks' }),
      ).toBeUndefined();
    });
  });

  describe('list', () => {
    it('filters by layer', () => {
      const names = new Set(registry.list({ layer: 'cni' }).map(p => p.name));
      expect([...names].sort()).toEqual([
        'aws-vpc-cni',
        'azure-cni',
        'calico',
        'cilium',
        'flannel',
      ]);
    });

    it('filters by cloud type, counting packs that support all', () => {
      const eks = registry.list({ cloudType: 'eks', latestOnly: true });
      const names = eks.map(p => p.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'kubernetes-eks',
          'aws-vpc-cni',
          'aws-ebs-csi',
          'cert-manager',
        ]),
      );
      expect(names).not.toContain('kubernetes');
      expect(names).not.toContain('azure-cni');
      // Profile order: OS, Kubernetes, CNI, CSI, then add-ons by install priority.
      expect(eks.map(p => p.layer)).toEqual(
        [...eks.map(p => p.layer)].sort(
          (a, b) =>
            ['os', 'k8s', 'cni', 'csi', 'addon'].indexOf(a) -
            ['os', 'k8s', 'cni', 'csi', 'addon'].indexOf(b),
        ),
      );
    });

    it('with cloud type all, lists only packs that support all', () => {
      const packs = registry.list({ cloudType: 'all' });
      expect(packs.length).toBeGreaterThan(0);
      expect(packs.every(p => p.cloudTypes.includes('all'))).toBe(true);
      expect(packs.every(p => p.layer === 'addon')).toBe(true);
    });

    it('can leave out deprecated versions and keep one version per pack', () => {
      const current = registry.list({
        name: 'kubernetes',
        includeDeprecated: false,
      });
      expect(current.map(p => p.version)).toEqual(['1.34.10', '1.34.4']);
      const latest = registry.list({ layer: 'addon', latestOnly: true });
      expect(new Set(latest.map(p => p.name)).size).toBe(latest.length);
      expect(latest.find(p => p.name === 'loki')?.version).toBe('6.54.0');
    });

    it('filters by source', () => {
      const own = PackRegistry.withBuiltinPacks();
      own.addCustomPack(customHelm);
      expect(own.list({ source: 'custom' }).map(p => p.name)).toEqual([
        'team-gateway',
      ]);
      expect(registry.list({ source: 'custom' })).toEqual([]);
    });
  });

  describe('addCustomPack', () => {
    it('adds a Helm chart with defaults for what was left out', () => {
      const own = PackRegistry.withBuiltinPacks();
      const pack = own.addCustomPack(customHelm);
      expect(pack).toMatchObject({
        name: 'team-gateway',
        layer: 'addon',
        cloudTypes: ['all'],
        description: '',
        installPriority: 60,
        source: 'custom',
      });
      expect(own.get('team-gateway', '1.2.0')).toBe(pack);
      expect(
        own.addCustomPack({ ...customHelm, version: '1.3.0' }).version,
      ).toBe('1.3.0');
      expect(own.versions('team-gateway')).toEqual(['1.3.0', '1.2.0']);
    });

    it('adds raw manifests', () => {
      const own = new PackRegistry();
      const pack = own.addCustomPack({
        name: 'team-quotas',
        version: '0.1.0',
        layer: 'addon',
        cloudTypes: ['aws', 'eks'],
        kind: {
          type: 'manifests',
          manifests: [
            {
              name: 'quota.yaml',
              content:
                'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: team\nspec:\n  hard:\n    pods: "50"\n',
            },
          ],
        },
      });
      expect(pack.kind.type).toBe('manifests');
      expect(packSupportsCloudType(pack, 'eks')).toBe(true);
      expect(packSupportsCloudType(pack, 'gke')).toBe(false);
    });

    it('rejects a duplicate name and version', () => {
      const own = new PackRegistry();
      own.addCustomPack(customHelm);
      expect(() => own.addCustomPack(customHelm)).toThrow(ConflictError);
      expect(() => own.addCustomPack(customHelm)).toThrow(
        'The pack team-gateway@1.2.0 already exists',
      );
    });

    it('rejects names of curated packs and layer changes', () => {
      const own = PackRegistry.withBuiltinPacks();
      expect(() =>
        own.addCustomPack({ ...customHelm, name: 'calico', layer: 'cni' }),
      ).toThrow(
        'The pack name "calico" belongs to a curated pack; choose another name',
      );
      own.addCustomPack(customHelm);
      expect(() =>
        own.addCustomPack({ ...customHelm, version: '2.0.0', layer: 'csi' }),
      ).toThrow(
        'The pack "team-gateway" is a addon pack; a new version must be in the same layer, not csi',
      );
    });

    it('rejects input that breaks the schema, with field paths', () => {
      const own = new PackRegistry();
      const attempt = () =>
        own.addCustomPack({
          ...customHelm,
          name: 'Team Gateway',
          version: '1.2',
          kind: {
            ...(customHelm.kind as any),
            repository: 'git@github.com:x/y',
          },
        });
      expect(attempt).toThrow(InputError);
      expect(attempt).toThrow(/name: must be a lowercase DNS label/);
      expect(attempt).toThrow(/version: must be a semantic version/);
      expect(attempt).toThrow(
        /kind\.repository: must be an https:\/\/ chart repository URL or an oci:\/\/ reference/,
      );
    });

    it('rejects default values that break the values schema', () => {
      const own = new PackRegistry();
      expect(() =>
        own.addCustomPack({ ...customHelm, defaultValues: 'replicas: 0\n' }),
      ).toThrow(
        'Invalid custom pack team-gateway@1.2.0: defaultValues.replicas: must be at least 1',
      );
      expect(() =>
        own.addCustomPack({ ...customHelm, defaultValues: 'replicas: [' }),
      ).toThrow(/defaultValues: invalid YAML at line/);
    });

    it('rejects manifests that are not Kubernetes objects', () => {
      const own = new PackRegistry();
      expect(() =>
        own.addCustomPack({
          name: 'broken',
          version: '0.1.0',
          kind: {
            type: 'manifests',
            manifests: [{ name: 'x.yaml', content: 'hello: world\n' }],
          },
        }),
      ).toThrow(
        'kind.manifests[0] (x.yaml): document 1 is not a Kubernetes object (apiVersion and kind)',
      );
    });
  });

  it('validates the packs it is built from and rejects duplicates', () => {
    const calico = BUILTIN_PACKS.find(p => p.name === 'calico')!;
    expect(() => new PackRegistry([calico, calico])).toThrow(ConflictError);
    expect(() => new PackRegistry([{ ...calico, version: '3.32' }])).toThrow(
      /Invalid pack calico@3.32: version: must be a semantic version/,
    );
  });
});
