import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import type { KubeObject } from '../store/types';
import { loadCrdsFromDir } from './loader';
import type { LoadedCrds } from './types';
import { findCapiCrdsDir } from './__testUtils__/capiCrdsDir';

// Throws (failing this file) in CI when the CRD folder is missing; skips elsewhere.
const capiCrdsDir = findCapiCrdsDir();
const describeWithCapiCrds = capiCrdsDir ? describe : describe.skip;

describe('loadCrdsFromDir on a small folder', () => {
  let dir: string;

  const widgetCrd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    listKind: WidgetList
    plural: widgets
    singular: widget
    shortNames: [wd]
  scope: Namespaced
  versions:
  - name: v1alpha1
    served: false
    storage: false
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-validations:
        - rule: "true"
  - name: v1beta1
    served: true
    storage: false
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer}
  - name: v1
    served: true
    storage: true
    subresources:
      status: {}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            x-kubernetes-validations:
            - rule: self.size > 0
            - rule: self.size < 10
            properties:
              size: {type: integer, default: 1}
              since: {type: string, default: 2024-01-01}
          status:
            type: object
`;
  const gadgetCrd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.infra.example.com
spec:
  group: infra.example.com
  names: {kind: Gadget, plural: gadgets, singular: gadget}
  scope: Cluster
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
`;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crds-'));
    fs.mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
    // several documents in one file, with a non-CRD one and an empty one
    fs.writeFileSync(
      path.join(dir, 'nested', 'bundle.yaml'),
      `${widgetCrd}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'nested', 'deeper', 'gadget.yml'),
      gadgetCrd,
    );
    fs.writeFileSync(path.join(dir, 'README.md'), '# not: [yaml');
    fs.writeFileSync(
      path.join(dir, 'INDEX.txt'),
      'kind: CustomResourceDefinition',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the served versions of every CRD, recursively', () => {
    const crds = loadCrdsFromDir(dir);
    expect(
      [...crds.types].sort((a, b) =>
        `${a.kind}/${a.version}`.localeCompare(`${b.kind}/${b.version}`),
      ),
    ).toEqual([
      {
        group: 'infra.example.com',
        version: 'v1',
        kind: 'Gadget',
        plural: 'gadgets',
        singular: 'gadget',
        namespaced: false,
        hasStatus: false,
      },
      {
        group: 'example.com',
        version: 'v1',
        kind: 'Widget',
        plural: 'widgets',
        singular: 'widget',
        namespaced: true,
        hasStatus: true,
        shortNames: ['wd'],
      },
      {
        group: 'example.com',
        version: 'v1beta1',
        kind: 'Widget',
        plural: 'widgets',
        singular: 'widget',
        namespaced: true,
        hasStatus: false,
        shortNames: ['wd'],
      },
    ]);
    expect(crds.schemaFor('example.com', 'v1alpha1', 'Widget')).toBeUndefined();
    expect(crds.schemaFor('example.com', 'v1', 'Nope')).toBeUndefined();
  });

  it('compiles one schema per served version and counts their CEL rules', () => {
    const crds = loadCrdsFromDir(dir);
    // the unserved version's rule is not counted
    expect(crds.skippedCelRules).toBe(2);
    const widget = (size: unknown): KubeObject => ({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { size, color: 'red' },
    });
    const v1 = crds.schemaFor('example.com', 'v1', 'Widget')!;
    // YAML timestamps stay strings, as in JSON
    expect(v1.normalize(widget(3)).object.spec).toEqual({
      size: 3,
      since: '2024-01-01',
    });
    const v1beta1 = crds.schemaFor('example.com', 'v1beta1', 'Widget')!;
    expect(v1beta1.normalize(widget('3')).causes[0].field).toBe('spec.size');
    const gadget = crds.schemaFor('infra.example.com', 'v1', 'Gadget')!;
    expect(
      gadget.normalize({
        apiVersion: 'infra.example.com/v1',
        kind: 'Gadget',
        metadata: { name: 'g' },
        spec: { x: 1 },
      }).object,
    ).not.toHaveProperty('spec');
  });

  it('names the file when a YAML file cannot be parsed', () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'crds-bad-'));
    try {
      fs.writeFileSync(path.join(bad, 'broken.yaml'), 'a: [unclosed\n');
      expect(() => loadCrdsFromDir(bad)).toThrow(/broken\.yaml/);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });
});

/** The served (group, version, kind) triples INDEX.txt lists, read independently of the loader. */
function servedKindsFromIndex(dir: string): Set<string> {
  const served = new Set<string>();
  const lines = fs
    .readFileSync(path.join(dir, 'INDEX.txt'), 'utf8')
    .split('\n');
  for (const line of lines) {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length < 5 || !/^(Namespaced|Cluster)$/.test(tokens[2])) {
      continue;
    }
    const [kind, group] = tokens;
    for (const token of tokens.slice(3, -1)) {
      if (token.includes('(unserved)')) continue;
      served.add(`${group}/${token.replace(/\*|\(.*?\)/g, '')}/${kind}`);
    }
  }
  return served;
}

/** Counts x-kubernetes-validations rules in the served versions, walking the raw YAML. */
function countCelRules(dir: string): number {
  const count = (s: unknown): number => {
    if (typeof s !== 'object' || s === null) return 0;
    const node = s as Record<string, unknown>;
    let n = Array.isArray(node['x-kubernetes-validations'])
      ? (node['x-kubernetes-validations'] as unknown[]).length
      : 0;
    for (const sub of Object.values(
      (node.properties ?? {}) as Record<string, unknown>,
    )) {
      n += count(sub);
    }
    n += count(node.items) + count(node.additionalProperties) + count(node.not);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      if (Array.isArray(node[key])) {
        for (const sub of node[key] as unknown[]) n += count(sub);
      }
    }
    return n;
  };
  let total = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) {
        for (const doc of yaml.loadAll(
          fs.readFileSync(full, 'utf8'),
        ) as any[]) {
          if (doc?.kind !== 'CustomResourceDefinition') continue;
          for (const v of doc.spec.versions) {
            if (v.served) total += count(v.schema?.openAPIV3Schema);
          }
        }
      }
    }
  };
  walk(dir);
  return total;
}

describeWithCapiCrds('loadCrdsFromDir on the Cluster API CRDs', () => {
  const dir = capiCrdsDir!;
  let crds: LoadedCrds;
  let loadMs: number;

  beforeAll(() => {
    const start = performance.now();
    crds = loadCrdsFromDir(dir);
    loadMs = performance.now() - start;
    // eslint-disable-next-line no-console
    console.log(
      `loadCrdsFromDir: ${crds.types.length} served kinds in ${loadMs.toFixed(
        0,
      )} ms`,
    );
  });

  const typeOf = (group: string, version: string, kind: string) =>
    crds.types.find(
      t => t.group === group && t.version === version && t.kind === kind,
    );

  it('loads the whole folder well under two seconds', () => {
    expect(loadMs).toBeLessThan(2000);
  });

  it('finds exactly the served kinds INDEX.txt lists', () => {
    const expected = servedKindsFromIndex(dir);
    expect(expected.size).toBeGreaterThan(150);
    const loaded = new Set(
      crds.types.map(t => `${t.group}/${t.version}/${t.kind}`),
    );
    expect(loaded).toEqual(expected);
    expect(loaded.size).toBe(crds.types.length);
  });

  it('describes kinds as their CRDs do', () => {
    expect(typeOf('cluster.x-k8s.io', 'v1beta2', 'Cluster')).toEqual({
      group: 'cluster.x-k8s.io',
      version: 'v1beta2',
      kind: 'Cluster',
      plural: 'clusters',
      singular: 'cluster',
      namespaced: true,
      hasStatus: true,
      shortNames: ['cl'],
    });
    // v1beta1 is deprecated but still served by Cluster API v1.14
    expect(typeOf('cluster.x-k8s.io', 'v1beta1', 'Cluster')).toBeDefined();
    expect(
      typeOf('infrastructure.cluster.x-k8s.io', 'v1beta1', 'AWSCluster'),
    ).toBeUndefined();
    expect(
      crds.schemaFor(
        'infrastructure.cluster.x-k8s.io',
        'v1beta1',
        'AWSCluster',
      ),
    ).toBeUndefined();
    expect(
      typeOf('infrastructure.cluster.x-k8s.io', 'v1beta2', 'AWSCluster'),
    ).toMatchObject({ plural: 'awsclusters', namespaced: true });
    expect(
      typeOf('addons.cluster.x-k8s.io', 'v1alpha1', 'HelmChartProxy'),
    ).toMatchObject({ plural: 'helmchartproxies', singular: 'helmchartproxy' });
    expect(
      typeOf(
        'infrastructure.cluster.x-k8s.io',
        'v1beta2',
        'AWSClusterRoleIdentity',
      ),
    ).toMatchObject({ namespaced: false });
  });

  it('compiles every pattern of every served schema and copes with minimal objects', () => {
    const reasons = [
      'FieldValueRequired',
      'FieldValueInvalid',
      'FieldValueNotSupported',
      'FieldValueTypeInvalid',
      'FieldValueTooLong',
      'FieldValueTooMany',
      'FieldValueDuplicate',
      'FieldValueForbidden',
    ];
    let rejected = 0;
    for (const t of crds.types) {
      const schema = crds.schemaFor(t.group, t.version, t.kind);
      // every CRD pattern is usable as a JavaScript regular expression
      expect(schema).toHaveProperty('unusablePatterns', []);
      const input: KubeObject = {
        apiVersion: `${t.group}/${t.version}`,
        kind: t.kind,
        metadata: { name: 'x', namespace: 'default', annotations: { a: 'b' } },
        spec: { notInAnySchema: true },
        status: {},
      };
      const { object, causes } = schema!.normalize(input);
      expect(object.metadata).toEqual(input.metadata);
      // (kinds without a spec in their schema lose the whole spec)
      expect(object).not.toHaveProperty(['spec', 'notInAnySchema']);
      for (const cause of causes) {
        expect(reasons).toContain(cause.reason);
        expect(cause.field).not.toBe('');
      }
      if (causes.length > 0) rejected++;
    }
    // kinds with required spec fields reject an empty spec
    expect(rejected).toBeGreaterThan(50);
  });

  it('counts the CEL rules of the served versions', () => {
    expect(crds.skippedCelRules).toBeGreaterThan(0);
    expect(crds.skippedCelRules).toBe(countCelRules(dir));
  });

  describe('a v1beta2 Cluster', () => {
    const schema = () =>
      crds.schemaFor('cluster.x-k8s.io', 'v1beta2', 'Cluster')!;

    const cluster = (): KubeObject => ({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: {
        name: 'prod-eu-1',
        namespace: 'default',
        labels: { env: 'prod' },
        uid: '7d1e0c64-4a3c-4d55-9a64-1f0f6c0e8f01',
      },
      spec: {
        clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] } },
        topology: {
          classRef: { name: 'aws-eks' },
          version: 'v1.33.4',
          controlPlane: { replicas: 3 },
          workers: {
            machineDeployments: [
              { class: 'default-worker', name: 'md-0', replicas: 2 },
              { class: 'gpu-worker', name: 'md-1', replicas: 1 },
            ],
          },
          variables: [{ name: 'region', value: 'eu-west-1' }],
        },
      },
    });

    type Spec = {
      topology: {
        classRef: Record<string, unknown>;
        controlPlane: Record<string, unknown>;
        workers: { machineDeployments: Array<Record<string, unknown>> };
        variables: Array<Record<string, unknown>>;
        [k: string]: unknown;
      };
      [k: string]: unknown;
    };
    const specOf = (o: KubeObject) => o.spec as Spec;

    it('accepts a valid managed topology unchanged', () => {
      const input = cluster();
      const { object, causes } = schema().normalize(input);
      expect(causes).toEqual([]);
      expect(object).toEqual(cluster());
    });

    it('rejects a missing required field', () => {
      const input = cluster();
      delete specOf(input).topology.classRef.name;
      expect(schema().normalize(input).causes).toEqual([
        {
          field: 'spec.topology.classRef.name',
          message: 'Required value',
          reason: 'FieldValueRequired',
        },
      ]);
    });

    it('rejects a wrong type', () => {
      const input = cluster();
      specOf(input).topology.controlPlane.replicas = 'three';
      expect(schema().normalize(input).causes).toEqual([
        {
          field: 'spec.topology.controlPlane.replicas',
          message:
            'Invalid value: "string": spec.topology.controlPlane.replicas in body must be of type integer: "string"',
          reason: 'FieldValueTypeInvalid',
        },
      ]);
    });

    it('rejects a value outside an enum', () => {
      const input = cluster();
      specOf(input).topology.workers.machineDeployments[0].deletion = {
        order: 'Sometimes',
      };
      expect(schema().normalize(input).causes).toEqual([
        {
          field: 'spec.topology.workers.machineDeployments[0].deletion.order',
          message:
            'Unsupported value: "Sometimes": supported values: "Random", "Newest", "Oldest"',
          reason: 'FieldValueNotSupported',
        },
      ]);
    });

    it('rejects a value that does not match a pattern', () => {
      const input = cluster();
      specOf(input).topology.classRef.name = 'AWS_EKS';
      expect(schema().normalize(input).causes).toEqual([
        {
          field: 'spec.topology.classRef.name',
          message:
            'Invalid value: "AWS_EKS": spec.topology.classRef.name in body should match \'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\'',
          reason: 'FieldValueInvalid',
        },
      ]);
    });

    it('rejects a date-time in the wrong format, in status too', () => {
      const input = cluster();
      input.status = {
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'Available',
            message: '',
            lastTransitionTime: 'last tuesday',
          },
        ],
      };
      expect(schema().normalize(input).causes).toEqual([
        {
          field: 'status.conditions[0].lastTransitionTime',
          message:
            'Invalid value: "last tuesday": status.conditions[0].lastTransitionTime in body must be of type date-time: "last tuesday"',
          reason: 'FieldValueTypeInvalid',
        },
      ]);
    });

    it('prunes unknown fields in spec', () => {
      const input = cluster();
      const spec = specOf(input);
      spec.paused2 = true;
      spec.topology.classRef.kind = 'ClusterClass';
      spec.topology.workers.machineDeployments[1].color = 'blue';
      const { object, causes } = schema().normalize(input);
      expect(causes).toEqual([]);
      expect(object).toEqual(cluster());
    });

    it('keeps fields under x-kubernetes-preserve-unknown-fields', () => {
      const input = cluster();
      const value = {
        subnets: [{ id: 'subnet-1', zone: 'a' }],
        tags: { a: 1 },
      };
      specOf(input).topology.variables = [{ name: 'network', value }];
      const { object, causes } = schema().normalize(input);
      expect(causes).toEqual([]);
      expect(specOf(object).topology.variables).toEqual([
        { name: 'network', value },
      ]);
    });

    it('rejects duplicate keys of a list-map', () => {
      const input = cluster();
      specOf(input).topology.workers.machineDeployments[1].name = 'md-0';
      expect(schema().normalize(input).causes).toEqual([
        {
          field: 'spec.topology.workers.machineDeployments[1]',
          message: 'Duplicate value: map[string]interface {}{"name":"md-0"}',
          reason: 'FieldValueDuplicate',
        },
      ]);
    });

    it('reports list types for server-side apply', () => {
      const s = schema();
      expect(
        s.listTypeAt(['spec', 'topology', 'workers', 'machineDeployments']),
      ).toEqual({ type: 'map', keys: ['name'] });
      expect(
        s.listTypeAt(['spec', 'clusterNetwork', 'pods', 'cidrBlocks']),
      ).toEqual({ type: 'atomic' });
      expect(s.listTypeAt(['status', 'conditions'])).toEqual({
        type: 'map',
        keys: ['type'],
      });
    });

    it('normalizes a typical Cluster in well under a millisecond', () => {
      const s = schema();
      const inputs = Array.from({ length: 10000 }, (_, i) => {
        const c = cluster();
        c.metadata.name = `cluster-${i}`;
        return c;
      });
      const start = performance.now();
      let invalid = 0;
      for (const input of inputs) invalid += s.normalize(input).causes.length;
      const perObjectMs = (performance.now() - start) / inputs.length;
      expect(invalid).toBe(0);
      expect(perObjectMs).toBeLessThan(0.5);
    });
  });

  it('applies a real default: HelmChartProxy options, top-down', () => {
    const schema = crds.schemaFor(
      'addons.cluster.x-k8s.io',
      'v1alpha1',
      'HelmChartProxy',
    )!;
    const proxy = (options?: object): KubeObject => ({
      apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
      kind: 'HelmChartProxy',
      metadata: { name: 'cilium', namespace: 'default' },
      spec: {
        chartName: 'cilium',
        repoURL: 'https://helm.cilium.io/',
        clusterSelector: { matchLabels: { cni: 'cilium' } },
        ...(options ? { options } : {}),
      },
    });

    const without = schema.normalize(proxy());
    expect(without.causes).toEqual([]);
    expect(without.object.spec).not.toHaveProperty('options');

    const withOptions = schema.normalize(proxy({ install: {} }));
    expect(withOptions.causes).toEqual([]);
    expect((withOptions.object.spec as { options: unknown }).options).toEqual({
      enableClientCache: false,
      install: { createNamespace: true },
    });

    const explicit = schema.normalize(
      proxy({ enableClientCache: true, upgrade: {} }),
    );
    expect((explicit.object.spec as { options: unknown }).options).toEqual({
      enableClientCache: true,
      upgrade: { maxHistory: 10 },
    });
  });

  it('applies a default of the core CRDs: KubeadmControlPlane v1beta1 rolloutStrategy', () => {
    const schema = crds.schemaFor(
      'controlplane.cluster.x-k8s.io',
      'v1beta1',
      'KubeadmControlPlane',
    )!;
    const kcp = (spec: object): KubeObject => ({
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
      kind: 'KubeadmControlPlane',
      metadata: { name: 'cp', namespace: 'default' },
      spec: {
        version: 'v1.33.4',
        kubeadmConfigSpec: {},
        machineTemplate: {
          infrastructureRef: {
            apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
            kind: 'AWSMachineTemplate',
            name: 'cp',
          },
        },
        ...spec,
      },
    });
    const defaulted = schema.normalize(kcp({}));
    expect(defaulted.causes).toEqual([]);
    expect(defaulted.object.spec).toMatchObject({
      rolloutStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 1 },
      },
    });
    const explicit = schema.normalize(
      kcp({ rolloutStrategy: { rollingUpdate: { maxSurge: 0 } } }),
    );
    expect(
      (explicit.object.spec as { rolloutStrategy: unknown }).rolloutStrategy,
    ).toEqual({ rollingUpdate: { maxSurge: 0 } });
  });

  it('applies a provider default: AWSCluster load balancer type', () => {
    const schema = crds.schemaFor(
      'infrastructure.cluster.x-k8s.io',
      'v1beta2',
      'AWSCluster',
    )!;
    const { object, causes } = schema.normalize({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'AWSCluster',
      metadata: { name: 'a', namespace: 'default' },
      spec: { region: 'eu-west-1', controlPlaneLoadBalancer: {} },
    });
    expect(causes).toEqual([]);
    expect(object.spec).toMatchObject({
      controlPlaneLoadBalancer: {
        loadBalancerType: 'classic',
        scheme: 'internet-facing',
      },
    });
  });
});
