import type { ProfileVersion } from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../packs/PackRegistry';
import { DEMO_PROFILE_VERSIONS } from './demoProfiles';
import { diffLines, diffProfileVersions } from './diff';

describe('diffLines', () => {
  it('keeps common lines and marks removed and added ones with line numbers', () => {
    expect(diffLines('a\nb\nc\nd\n', 'a\nc\nx\nd\n')).toEqual([
      { op: 'equal', line: 'a', oldLine: 1, newLine: 1 },
      { op: 'remove', line: 'b', oldLine: 2 },
      { op: 'equal', line: 'c', oldLine: 3, newLine: 2 },
      { op: 'add', line: 'x', newLine: 3 },
      { op: 'equal', line: 'd', oldLine: 4, newLine: 4 },
    ]);
  });

  it('lists removals before additions in a changed line', () => {
    expect(diffLines('replicas: 2\n', 'replicas: 3\n')).toEqual([
      { op: 'remove', line: 'replicas: 2', oldLine: 1 },
      { op: 'add', line: 'replicas: 3', newLine: 1 },
    ]);
  });

  it('finds the longest common subsequence, not just a common prefix', () => {
    const ops = diffLines('x\na\nb\nc\n', 'a\nb\nc\ny\n').map(
      e => `${e.op}:${e.line}`,
    );
    expect(ops).toEqual(['remove:x', 'equal:a', 'equal:b', 'equal:c', 'add:y']);
  });

  it('treats a final newline and empty text calmly', () => {
    expect(diffLines('a: 1', 'a: 1\n')).toEqual([
      { op: 'equal', line: 'a: 1', oldLine: 1, newLine: 1 },
    ]);
    expect(diffLines(undefined, '')).toEqual([]);
    expect(diffLines('', 'a: 1')).toEqual([
      { op: 'add', line: 'a: 1', newLine: 1 },
    ]);
  });
});

describe('diffProfileVersions', () => {
  const registry = PackRegistry.withBuiltinPacks();
  const base: ProfileVersion = DEMO_PROFILE_VERSIONS.find(
    p => p.name === 'aws-infra' && p.version === '1.1.0',
  )!;

  it('reports nothing for identical versions', () => {
    const diff = diffProfileVersions(base, { ...base });
    expect(diff.hasChanges).toBe(false);
    expect(diff.layersUnchanged).toEqual([
      'ubuntu',
      'kubernetes',
      'calico',
      'aws-ebs-csi',
    ]);
  });

  it('finds added, removed and changed layers', () => {
    const next: ProfileVersion = {
      ...base,
      type: 'full',
      version: '2.0.0',
      layers: [
        base.layers[0],
        base.layers[1],
        { packName: 'cilium', packVersion: '1.19.1' },
        { ...base.layers[3], values: 'controller:\n  replicaCount: 2\n' },
        { packName: 'cert-manager', packVersion: '1.21.2' },
      ],
    };
    const diff = diffProfileVersions(base, next, {
      layerOf: (name, version) => registry.get(name, version)?.layer,
    });
    expect(diff.from).toEqual({ name: 'aws-infra', version: '1.1.0' });
    expect(diff.to).toEqual({ name: 'aws-infra', version: '2.0.0' });
    expect(diff.layersAdded.map(l => l.packName)).toEqual([
      'cilium',
      'cert-manager',
    ]);
    expect(diff.layersRemoved.map(l => l.packName)).toEqual(['calico']);
    expect(diff.layersUnchanged).toEqual(['ubuntu', 'kubernetes']);
    expect(diff.layersChanged).toEqual([
      {
        packName: 'aws-ebs-csi',
        layer: 'csi',
        fromVersion: '1.56.0',
        toVersion: '1.56.0',
        valuesChanged: true,
        valuesDiff: [
          { op: 'equal', line: 'controller:', oldLine: 1, newLine: 1 },
          { op: 'remove', line: '  replicaCount: 3', oldLine: 2 },
          { op: 'add', line: '  replicaCount: 2', newLine: 2 },
        ],
      },
    ]);
    expect(diff.hasChanges).toBe(true);
  });

  it('reports pack version changes with their direction', () => {
    const older = DEMO_PROFILE_VERSIONS.find(
      p => p.name === 'aws-infra' && p.version === '1.0.0',
    )!;
    const diff = diffProfileVersions(older, base);
    expect(
      diff.layersChanged.map(c => [
        c.packName,
        c.fromVersion,
        c.toVersion,
        c.versionChange,
        c.valuesChanged,
      ]),
    ).toEqual([
      ['ubuntu', '24.4.3', '24.4.4', 'upgrade', false],
      ['kubernetes', '1.34.4', '1.34.10', 'upgrade', true],
      ['calico', '3.31.7', '3.32.2', 'upgrade', false],
      ['aws-ebs-csi', '1.52.0', '1.56.0', 'upgrade', true],
    ]);
    const kubernetes = diff.layersChanged[1];
    expect(
      kubernetes.valuesDiff.filter(e => e.op === 'add').map(e => e.line),
    ).toEqual([
      'apiServer:',
      '  extraArgs:',
      '    - name: profiling',
      '      value: "false"',
      '    - name: audit-log-maxage',
      '      value: "{{ .palette.vars.auditLogMaxAge }}"',
    ]);
    expect(diff.variablesAdded).toEqual(['auditLogMaxAge']);
    expect(
      diffProfileVersions(base, older).layersChanged[0].versionChange,
    ).toBe('downgrade');
  });

  it('notices reordered layers and redefined variables', () => {
    const next: ProfileVersion = {
      ...base,
      layers: [base.layers[1], base.layers[0], base.layers[2], base.layers[3]],
      variables: [{ ...base.variables![0], default: '10.10.0.0/16' }],
    };
    const diff = diffProfileVersions(base, next);
    expect(diff.orderChanged).toBe(true);
    expect(diff.variablesChanged).toEqual(['podCidr']);
    expect(diff.variablesRemoved).toEqual(['auditLogMaxAge']);
    expect(diff.layersChanged).toEqual([]);
  });
});
