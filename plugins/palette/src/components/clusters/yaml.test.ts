import { toYaml, toYamlDocuments } from './yaml';

describe('toYaml', () => {
  it('writes a Kubernetes object as block YAML', () => {
    expect(
      toYaml({
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        metadata: { name: 'dev', labels: { 'palette.io/cluster': 'dev' } },
        spec: {
          topology: {
            version: 'v1.34.10',
            controlPlane: { replicas: 3 },
            workers: {
              machineDeployments: [
                { class: 'default-worker', name: 'workers', replicas: 2 },
              ],
            },
          },
          paused: false,
          empty: {},
          none: [],
          missing: undefined,
        },
      }),
    ).toBe(
      [
        'apiVersion: cluster.x-k8s.io/v1beta2',
        'kind: Cluster',
        'metadata:',
        '  name: dev',
        '  labels:',
        '    palette.io/cluster: dev',
        'spec:',
        '  topology:',
        '    version: v1.34.10',
        '    controlPlane:',
        '      replicas: 3',
        '    workers:',
        '      machineDeployments:',
        '        - class: default-worker',
        '          name: workers',
        '          replicas: 2',
        '  paused: false',
        '  empty: {}',
        '  none: []',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings YAML would read as other types', () => {
    expect(
      toYaml({
        a: 'true',
        b: '3',
        c: '',
        d: 'a: b',
        e: '- x',
        f: 'null',
        g: '1.5e3',
        h: 'plain text',
      }),
    ).toBe(
      'a: "true"\nb: "3"\nc: ""\nd: "a: b"\ne: "- x"\nf: "null"\ng: "1.5e3"\nh: plain text\n',
    );
  });

  it('writes multi-line strings as literal blocks and lists of scalars', () => {
    expect(toYaml({ values: 'a: 1\nb: 2\n', cidrs: ['10.0.0.0/16', 8] })).toBe(
      'values: |\n  a: 1\n  b: 2\ncidrs:\n  - 10.0.0.0/16\n  - 8\n',
    );
  });

  it('separates documents', () => {
    expect(toYamlDocuments([{ kind: 'A' }, { kind: 'B' }])).toBe(
      'kind: A\n---\nkind: B\n',
    );
  });
});
