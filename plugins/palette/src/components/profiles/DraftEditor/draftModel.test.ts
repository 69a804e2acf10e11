import {
  insertionIndex,
  newEditableLayer,
  placeMessages,
  toEditableLayer,
  toEditableVariable,
  toSaveDraftRequest,
} from './draftModel';

const categories: Record<string, 'os' | 'k8s' | 'cni' | 'csi' | 'addon'> = {
  ubuntu: 'os',
  kubernetes: 'k8s',
  calico: 'cni',
  'aws-ebs-csi': 'csi',
  'cert-manager': 'addon',
};
const categoryOf = (name: string) => categories[name];

describe('draftModel', () => {
  it('inserts a layer after those that install before it', () => {
    const layers = [
      'ubuntu',
      'kubernetes',
      'aws-ebs-csi',
      'cert-manager',
      'custom',
    ].map(name => newEditableLayer(name, '1.0.0'));
    expect(insertionIndex(layers, categoryOf, 'cni')).toBe(2);
    expect(insertionIndex(layers, categoryOf, 'addon')).toBe(4);
    expect(insertionIndex(layers, categoryOf, 'os')).toBe(1);
  });

  it('places messages on the layers and variables they were given for', () => {
    const layers = [
      toEditableLayer({ packName: 'ubuntu', packVersion: '24.4.4' }),
      toEditableLayer({ packName: 'calico', packVersion: '3.32.2' }),
    ];
    const variables = [
      toEditableVariable({
        name: 'podCidr',
        displayName: 'Pod CIDR',
        format: 'cidr',
      }),
    ];
    const m = (field: string, layer?: string) => ({
      severity: 'error' as const,
      code: 'c',
      field,
      layer,
      message: field,
    });
    const placed = placeMessages(
      [
        m('layers[1].values.a.b'),
        m('layers', 'ubuntu'),
        m('variables[0].regex'),
        m('layers[7].packName'),
        m('cloudType'),
      ],
      layers,
      variables,
    );
    expect(placed.byLayer[layers[1].id]).toEqual([
      { message: m('layers[1].values.a.b'), values: true, valuesPath: 'a.b' },
    ]);
    expect(placed.byLayer[layers[0].id].map(p => p.message.field)).toEqual([
      'layers',
    ]);
    expect(
      placed.byVariable[variables[0].id].map(p => p.message.field),
    ).toEqual(['variables[0].regex']);
    expect(placed.general.map(g => g.field)).toEqual([
      'layers[7].packName',
      'cloudType',
    ]);
  });

  it('leaves unset fields out of the request', () => {
    const variable = toEditableVariable({
      name: 'replicas',
      displayName: 'Replicas',
      format: 'number',
      options: [{ value: '1' }, { value: '3', label: 'HA' }],
    });
    variable.options.push({ value: '', label: 'ignored' });
    expect(
      toSaveDraftRequest(
        [
          toEditableLayer({
            packName: 'ubuntu',
            packVersion: '24.4.4',
            values: '  \n',
          }),
          toEditableLayer({
            packName: 'calico',
            packVersion: '3.32.2',
            values: 'a: 1\n',
          }),
        ],
        [variable],
      ),
    ).toEqual({
      layers: [
        { packName: 'ubuntu', packVersion: '24.4.4' },
        { packName: 'calico', packVersion: '3.32.2', values: 'a: 1\n' },
      ],
      variables: [
        {
          name: 'replicas',
          displayName: 'Replicas',
          format: 'number',
          options: [{ value: '1' }, { value: '3', label: 'HA' }],
        },
      ],
    });
  });
});
