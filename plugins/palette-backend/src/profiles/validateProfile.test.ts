import type {
  ProfileDraft,
  ProfileLayer,
  ProfileVariable,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../packs/PackRegistry';
import {
  hasErrors,
  packSupportsKubernetes,
  validateProfile,
} from './validateProfile';

const registry = PackRegistry.withBuiltinPacks();

const OS = { packName: 'ubuntu', packVersion: '24.4.4' };
const K8S = { packName: 'kubernetes', packVersion: '1.34.10' };
const CNI = { packName: 'calico', packVersion: '3.32.2' };
const CSI = { packName: 'aws-ebs-csi', packVersion: '1.56.0' };

const infra: ProfileDraft = {
  name: 'aws-infra',
  type: 'infra',
  cloudType: 'aws',
  layers: [OS, K8S, CNI, CSI],
};

function profile(overrides: Partial<ProfileDraft>): ProfileDraft {
  return { ...infra, ...overrides };
}

function withVariables(
  variables: ProfileVariable[],
  layers?: ProfileLayer[],
): ProfileDraft {
  return profile({ variables, layers: layers ?? infra.layers });
}

function only(
  messages: ValidationMessage[],
  code: string,
): ValidationMessage[] {
  return messages.filter(m => m.code === code);
}

function validate(p: ProfileDraft, reg: PackRegistry = registry) {
  return validateProfile(p, reg);
}

describe('validateProfile', () => {
  it('accepts a complete infra profile', () => {
    expect(validate(infra)).toEqual([]);
  });

  it('returns every problem at once', () => {
    const messages = validate(
      profile({
        name: 'Bad Name',
        layers: [
          { packName: 'nope', packVersion: '1.0.0' },
          { ...CNI, packVersion: '9.9.9' },
          CSI,
          OS,
        ],
        variables: [
          { name: 'x', displayName: 'X', format: 'number', default: 'many' },
        ],
      }),
    );
    expect(new Set(messages.map(m => m.code))).toEqual(
      new Set([
        'profile.name',
        'layers.unknownPack',
        'layers.unknownVersion',
        'layers.order',
        'variables.default',
        'variables.unused',
      ]),
    );
    expect(hasErrors(messages)).toBe(true);
  });

  describe('profile', () => {
    it('profile.name: needs a DNS label', () => {
      expect(
        only(validate(profile({ name: 'AWS infra' })), 'profile.name'),
      ).toEqual([
        {
          severity: 'error',
          code: 'profile.name',
          field: 'name',
          message:
            '"AWS infra" is not a valid profile name: use a lowercase DNS label such as aws-infra',
        },
      ]);
    });

    it('profile.cloudType: infra and full profiles target one cloud type; add-on profiles may target all', () => {
      expect(
        only(validate(profile({ cloudType: 'all' })), 'profile.cloudType'),
      ).toHaveLength(1);
      expect(
        validate({
          name: 'certs',
          type: 'add-on',
          cloudType: 'all',
          layers: [{ packName: 'cert-manager', packVersion: '1.21.2' }],
        }),
      ).toEqual([]);
    });
  });

  describe('layers', () => {
    it('layers.empty: a profile needs layers', () => {
      const messages = validate(profile({ layers: [] }));
      expect(only(messages, 'layers.empty')).toEqual([
        {
          severity: 'error',
          code: 'layers.empty',
          field: 'layers',
          message: 'the profile has no layers',
        },
      ]);
    });

    it('layers.unknownPack: names the layer by index', () => {
      const messages = validate(
        profile({
          layers: [OS, K8S, { packName: 'weave', packVersion: '2.8.1' }, CSI],
        }),
      );
      expect(messages).toEqual([
        {
          severity: 'error',
          code: 'layers.unknownPack',
          layer: 2,
          field: 'layers[2].packName',
          message: 'there is no pack named "weave"',
        },
      ]);
    });

    it('layers.unknownVersion: lists the versions that exist', () => {
      const messages = validate(
        profile({ layers: [OS, K8S, { ...CNI, packVersion: '3.30.0' }, CSI] }),
      );
      expect(messages).toEqual([
        {
          severity: 'error',
          code: 'layers.unknownVersion',
          layer: 'calico',
          field: 'layers[2].packVersion',
          message: 'calico has no version 3.30.0; available: 3.32.2, 3.31.7',
        },
      ]);
    });

    it('layers.duplicatePack: a pack appears once', () => {
      const messages = validate(
        profile({
          type: 'full',
          layers: [
            ...infra.layers,
            { packName: 'cert-manager', packVersion: '1.21.2' },
            { packName: 'cert-manager', packVersion: '1.20.2' },
          ],
        }),
      );
      expect(only(messages, 'layers.duplicatePack')).toEqual([
        expect.objectContaining({
          layer: 'cert-manager',
          field: 'layers[5].packName',
        }),
      ]);
    });

    it('layers.deprecated: warns about deprecated versions without blocking', () => {
      const messages = validate(
        profile({
          layers: [
            OS,
            { ...K8S, packVersion: '1.33.13' },
            { ...CNI, packVersion: '3.31.7' },
            CSI,
          ],
        }),
      );
      expect(messages).toEqual([
        {
          severity: 'warning',
          code: 'layers.deprecated',
          layer: 'kubernetes',
          field: 'layers[1].packVersion',
          message:
            'kubernetes 1.33.13 is deprecated: Kubernetes 1.33 reached end of life upstream on 2026-06-28.',
        },
      ]);
      expect(hasErrors(messages)).toBe(false);
    });

    it('layers.cloudType: packs must support the profile cloud type', () => {
      const messages = validate(
        profile({
          cloudType: 'vsphere',
          layers: [
            OS,
            K8S,
            { packName: 'aws-vpc-cni', packVersion: '1.20.5' },
            { packName: 'vsphere-csi', packVersion: '3.6.0' },
          ],
        }),
      );
      expect(only(messages, 'layers.cloudType')).toEqual([
        {
          severity: 'error',
          code: 'layers.cloudType',
          layer: 'aws-vpc-cni',
          field: 'layers[2].packName',
          message:
            'aws-vpc-cni 1.20.5 does not support vsphere (it supports aws, eks)',
        },
      ]);
      expect(
        validate(
          profile({
            cloudType: 'vsphere',
            layers: [
              OS,
              K8S,
              CNI,
              { packName: 'vsphere-csi', packVersion: '3.6.0' },
            ],
          }),
        ),
      ).toEqual([]);
    });

    it('layers.cloudType: add-on profiles for all cloud types take packs that support all', () => {
      const own = PackRegistry.withBuiltinPacks();
      own.addCustomPack({
        name: 'aws-lb-controller',
        version: '2.14.0',
        cloudTypes: ['aws', 'eks'],
        kind: {
          type: 'helm',
          repository: 'https://aws.github.io/eks-charts',
          chart: 'aws-load-balancer-controller',
          chartVersion: '1.14.0',
          namespace: 'kube-system',
        },
      });
      const addon: ProfileDraft = {
        name: 'lb',
        type: 'add-on',
        cloudType: 'all',
        layers: [{ packName: 'aws-lb-controller', packVersion: '2.14.0' }],
      };
      expect(validate(addon, own)).toEqual([
        expect.objectContaining({
          code: 'layers.cloudType',
          message:
            'a profile for all cloud types can only use packs that support all; aws-lb-controller supports aws, eks',
        }),
      ]);
      expect(validate({ ...addon, cloudType: 'eks' }, own)).toEqual([]);
    });

    it('layers.missingCore: infra profiles need OS, Kubernetes, CNI and CSI', () => {
      const messages = validate(profile({ layers: [OS, K8S, CNI] }));
      expect(messages).toEqual([
        {
          severity: 'error',
          code: 'layers.missingCore',
          field: 'layers',
          message: 'an infra profile needs one Storage (CSI) pack',
        },
      ]);
    });

    it('layers.multipleCore: one pack per core layer', () => {
      const messages = validate(
        profile({
          layers: [
            OS,
            K8S,
            CNI,
            CSI,
            { packName: 'longhorn', packVersion: '1.11.1' },
          ],
        }),
      );
      expect(only(messages, 'layers.multipleCore')).toEqual([
        expect.objectContaining({
          layer: 'longhorn',
          field: 'layers[4]',
          message:
            'longhorn is a second Storage (CSI) pack; the profile already has aws-ebs-csi',
        }),
      ]);
    });

    it('layers.addonInInfra: infra profiles hold no add-ons, full profiles do', () => {
      const layers = [
        ...infra.layers,
        { packName: 'cert-manager', packVersion: '1.21.2' },
      ];
      expect(
        only(validate(profile({ layers })), 'layers.addonInInfra'),
      ).toEqual([
        expect.objectContaining({ layer: 'cert-manager', field: 'layers[4]' }),
      ]);
      expect(validate(profile({ type: 'full', layers }))).toEqual([]);
    });

    it('layers.notAddon: add-on profiles hold add-on packs only', () => {
      const messages = validate({
        name: 'net',
        type: 'add-on',
        cloudType: 'aws',
        layers: [CNI, { packName: 'cert-manager', packVersion: '1.21.2' }],
      });
      expect(messages).toEqual([
        expect.objectContaining({
          code: 'layers.notAddon',
          layer: 'calico',
          field: 'layers[0]',
          message:
            'an add-on profile holds add-on packs only; calico is a Network (CNI) pack (use a full profile)',
        }),
      ]);
    });

    it('layers.order: OS, Kubernetes, CNI, CSI, then add-ons', () => {
      const messages = validate(profile({ layers: [OS, K8S, CSI, CNI] }));
      expect(messages).toEqual([
        {
          severity: 'error',
          code: 'layers.order',
          layer: 'calico',
          field: 'layers[3]',
          message:
            'the Network (CNI) layer (calico) must come before the Storage (CSI) layer (aws-ebs-csi); the order is OS, Kubernetes, Network (CNI), Storage (CSI), Add-on',
        },
      ]);
    });
  });

  describe('constraints', () => {
    it('constraints.kubernetes: every pack supports the Kubernetes minor', () => {
      const messages = validate(
        profile({ layers: [OS, { ...K8S, packVersion: '1.31.14' }, CNI, CSI] }),
      );
      expect(only(messages, 'constraints.kubernetes')).toEqual([
        {
          severity: 'error',
          code: 'constraints.kubernetes',
          layer: 'calico',
          field: 'layers[2].packVersion',
          message:
            'calico 3.32.2 supports Kubernetes 1.32–1.35, not 1.31 (kubernetes 1.31.14)',
        },
      ]);
      expect(
        only(
          validate(
            profile({
              layers: [
                OS,
                { ...K8S, packVersion: '1.31.14' },
                { ...CNI, packVersion: '3.31.7' },
                CSI,
              ],
            }),
          ),
          'constraints.kubernetes',
        ),
      ).toEqual([]);
      expect(
        packSupportsKubernetes(registry.get('calico', '3.31.7')!, 'v1.34.2'),
      ).toBe(true);
      expect(
        packSupportsKubernetes(registry.get('calico', '3.31.7')!, '1.35.0'),
      ).toBe(false);
    });

    it('constraints.requires: required packs are in the profile (an error in full profiles)', () => {
      const loki = { packName: 'loki', packVersion: '6.54.0' };
      const full = profile({ type: 'full', layers: [...infra.layers, loki] });
      expect(validate(full)).toEqual([
        {
          severity: 'error',
          code: 'constraints.requires',
          layer: 'loki',
          field: 'layers[4]',
          message:
            'loki requires kube-prometheus-stack (the default values create a ServiceMonitor, whose CRD comes with the Prometheus Operator)',
        },
      ]);
      expect(
        validate({
          ...full,
          layers: [
            ...infra.layers,
            { packName: 'kube-prometheus-stack', packVersion: '82.10.3' },
            loki,
          ],
        }),
      ).toEqual([]);
    });

    it('constraints.requires: only a warning in add-on profiles, where another profile may bring it', () => {
      const messages = validate({
        name: 'logs',
        type: 'add-on',
        cloudType: 'all',
        layers: [{ packName: 'loki', packVersion: '6.54.0' }],
      });
      expect(messages).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'constraints.requires',
        }),
      ]);
    });

    it('constraints.conflicts: conflicting packs are not combined', () => {
      const own = PackRegistry.withBuiltinPacks();
      own.addCustomPack({
        name: 'gatekeeper',
        version: '3.20.1',
        kind: {
          type: 'helm',
          repository: 'https://open-policy-agent.github.io/gatekeeper/charts',
          chart: 'gatekeeper',
          chartVersion: '3.20.1',
          namespace: 'gatekeeper-system',
        },
      });
      const kyverno = { packName: 'kyverno', packVersion: '1.17.0' };
      const gatekeeper = { packName: 'gatekeeper', packVersion: '3.20.1' };
      const messages = validate(
        profile({
          type: 'full',
          layers: [...infra.layers, kyverno, gatekeeper],
        }),
        own,
      );
      expect(messages).toEqual([
        {
          severity: 'error',
          code: 'constraints.conflicts',
          layer: 'kyverno',
          field: 'layers[4]',
          message:
            'kyverno conflicts with gatekeeper (two admission policy engines make rejections hard to reason about)',
        },
      ]);
      expect(
        validate(
          profile({ type: 'full', layers: [...infra.layers, kyverno] }),
          own,
        ),
      ).toEqual([]);
    });
  });

  describe('values', () => {
    it('values.yaml: overrides must be valid YAML', () => {
      const messages = validate(
        profile({
          layers: [OS, K8S, CNI, { ...CSI, values: 'controller: [1, 2\n' }],
        }),
      );
      expect(messages).toEqual([
        expect.objectContaining({
          code: 'values.yaml',
          layer: 'aws-ebs-csi',
          field: 'layers[3].values',
          message:
            'invalid YAML at line 2, column 1: unexpected end of the stream within a flow collection',
        }),
      ]);
    });

    it('values.yaml: overrides must be a mapping', () => {
      const messages = validate(
        profile({
          layers: [OS, K8S, CNI, { ...CSI, values: '- replicaCount: 3\n' }],
        }),
      );
      expect(only(messages, 'values.yaml')[0].message).toBe(
        'values must be a YAML mapping, not a list',
      );
    });

    it('values.schema: the merged values satisfy the pack schema, with the field path', () => {
      const messages = validate(
        profile({
          layers: [
            OS,
            {
              ...K8S,
              values:
                'clusterNetwork:\n  pods:\n    cidrBlocks: [10.0.0.0/33]\nkubeProxy: {}\n',
            },
            CNI,
            { ...CSI, values: 'controller:\n  replicaCount: 0\n' },
          ],
        }),
      );
      expect(only(messages, 'values.schema')).toEqual([
        expect.objectContaining({
          layer: 'kubernetes',
          field: 'layers[1].values.clusterNetwork.pods.cidrBlocks[0]',
          message: expect.stringMatching(
            /^clusterNetwork\.pods\.cidrBlocks\[0\] must match the pattern/,
          ),
        }),
        expect.objectContaining({
          layer: 'kubernetes',
          field: 'layers[1].values.kubeProxy',
          message: expect.stringMatching(/^kubeProxy is not a known key/),
        }),
        expect.objectContaining({
          layer: 'aws-ebs-csi',
          field: 'layers[3].values.controller.replicaCount',
          message: 'controller.replicaCount must be at least 1',
        }),
      ]);
    });

    it('values.schema: overrides merge into the defaults before the check', () => {
      // Only one key of the EBS storage class is overridden; the rest of the
      // defaults stay and the list item still has its required name.
      expect(
        validate(
          profile({
            layers: [
              OS,
              K8S,
              CNI,
              { ...CSI, values: 'controller:\n  replicaCount: 3\n' },
            ],
          }),
        ),
      ).toEqual([]);
      const messages = validate(
        profile({
          layers: [
            OS,
            K8S,
            CNI,
            { ...CSI, values: 'storageClasses:\n  - reclaimPolicy: Retain\n' },
          ],
        }),
      );
      expect(only(messages, 'values.schema')).toEqual([
        expect.objectContaining({
          field: 'layers[3].values.storageClasses[0].name',
          message: 'storageClasses[0].name is required',
        }),
      ]);
    });

    it('values.variableUndefined: references name declared variables', () => {
      const layers = [
        OS,
        K8S,
        CNI,
        {
          ...CSI,
          values: 'controller:\n  replicaCount: {{ .palette.vars.replicas }}\n',
        },
      ];
      expect(validate(profile({ layers }))).toEqual([
        expect.objectContaining({
          code: 'values.variableUndefined',
          layer: 'aws-ebs-csi',
          field: 'layers[3].values',
          message:
            'line 2 references the variable "replicas", which the profile does not declare',
        }),
      ]);
      expect(
        validate(
          withVariables(
            [
              {
                name: 'replicas',
                displayName: 'Replicas',
                format: 'number',
                default: '2',
              },
            ],
            layers,
          ),
        ),
      ).toEqual([]);
    });

    it('values.variableMalformed: near-miss references are reported', () => {
      const layers = [
        OS,
        K8S,
        CNI,
        {
          ...CSI,
          values: 'controller:\n  replicaCount: {{ .palette.var.replicas }}\n',
        },
      ];
      expect(
        only(validate(profile({ layers })), 'values.variableMalformed'),
      ).toEqual([
        expect.objectContaining({
          field: 'layers[3].values',
          message:
            'line 2: {{ .palette.var.replicas }} is not a variable reference; write {{ .palette.vars.<name> }}',
        }),
      ]);
    });

    it('values.schema: a variable default is checked where it lands, a variable without one is not', () => {
      const layers = [
        OS,
        K8S,
        CNI,
        {
          ...CSI,
          values: 'controller:\n  replicaCount: {{ .palette.vars.replicas }}\n',
        },
      ];
      const withDefault = (value?: string) =>
        validate(
          withVariables(
            [
              {
                name: 'replicas',
                displayName: 'Replicas',
                format: 'number',
                ...(value ? { default: value } : {}),
              },
            ],
            layers,
          ),
        );
      expect(only(withDefault('0'), 'values.schema')).toEqual([
        expect.objectContaining({
          field: 'layers[3].values.controller.replicaCount',
        }),
      ]);
      expect(withDefault()).toEqual([]);
    });
  });

  describe('variables', () => {
    const ref = (name: string) => [
      OS,
      K8S,
      CNI,
      {
        ...CSI,
        values: `controller:\n  replicaCount: {{ .palette.vars.${name} }}\n`,
      },
    ];

    it('variables.name: names are identifiers', () => {
      const messages = validate(
        withVariables([
          { name: 'pod-cidr', displayName: 'Pod CIDR', format: 'cidr' },
        ]),
      );
      expect(only(messages, 'variables.name')).toEqual([
        expect.objectContaining({ field: 'variables[0].name' }),
      ]);
    });

    it('variables.duplicate: names are unique', () => {
      const v: ProfileVariable = {
        name: 'replicas',
        displayName: 'Replicas',
        format: 'number',
        default: '2',
      };
      const messages = validate(
        withVariables([v, { ...v, default: '3' }], ref('replicas')),
      );
      expect(messages).toEqual([
        expect.objectContaining({
          code: 'variables.duplicate',
          field: 'variables[1].name',
          message:
            'the variable "replicas" is already declared as variables[0]',
        }),
      ]);
    });

    it('variables.regex: regexes compile', () => {
      const messages = validate(
        withVariables(
          [
            {
              name: 'replicas',
              displayName: 'Replicas',
              format: 'number',
              regex: '([0-9]',
            },
          ],
          ref('replicas'),
        ),
      );
      expect(messages).toEqual([
        expect.objectContaining({
          code: 'variables.regex',
          field: 'variables[0].regex',
        }),
      ]);
    });

    it('variables.options: dropdowns have options that fit the format', () => {
      const messages = validate(
        withVariables(
          [
            {
              name: 'replicas',
              displayName: 'Replicas',
              format: 'number',
              inputType: 'dropdown',
            },
            {
              name: 'size',
              displayName: 'Size',
              format: 'number',
              options: [{ value: '2' }, { value: 'large' }],
              default: '2',
            },
          ],
          [
            ...ref('replicas').slice(0, 3),
            {
              ...CSI,
              values:
                'controller:\n  replicaCount: {{ .palette.vars.replicas }}\n# {{ .palette.vars.size }}\nx: {{ .palette.vars.size }}\n',
            },
          ],
        ),
      );
      expect(only(messages, 'variables.options').map(m => m.field)).toEqual([
        'variables[0].options',
        'variables[1].options[1].value',
      ]);
    });

    it('variables.default: defaults satisfy format and regex', () => {
      const messages = validate(
        withVariables(
          [
            {
              name: 'replicas',
              displayName: 'Replicas',
              format: 'number',
              default: 'two',
            },
            {
              name: 'zone',
              displayName: 'Zone',
              format: 'string',
              regex: '[a-z]+-[0-9]',
              default: 'EU',
            },
          ],
          [
            OS,
            K8S,
            CNI,
            {
              ...CSI,
              values:
                'controller:\n  replicaCount: {{ .palette.vars.replicas }}\nzone: {{ .palette.vars.zone }}\n',
            },
          ],
        ),
      );
      expect(only(messages, 'variables.default')).toEqual([
        expect.objectContaining({
          field: 'variables[0].default',
          message:
            'the default of "replicas": "two" is not a number such as 3 or 0.5 (format number)',
        }),
        expect.objectContaining({
          field: 'variables[1].default',
          message:
            'the default of "zone": "EU" does not match the pattern [a-z]+-[0-9]',
        }),
      ]);
    });

    it('variables.default: never repeats a sensitive default', () => {
      const messages = validate(
        withVariables(
          [
            {
              name: 'token',
              displayName: 'Token',
              format: 'base64',
              sensitive: true,
              default: 's3cr3t-token!',
            },
          ],
          [
            OS,
            K8S,
            CNI,
            { ...CSI, values: 'token: "{{ .palette.vars.token }}"\n' },
          ],
        ),
      );
      expect(only(messages, 'variables.default')).toHaveLength(1);
      expect(JSON.stringify(messages)).not.toContain('s3cr3t-token!');
    });

    it('variables.readOnly and variables.hidden: need a default', () => {
      const messages = validate(
        withVariables(
          [
            { name: 'a', displayName: 'A', format: 'string', readOnly: true },
            {
              name: 'b',
              displayName: 'B',
              format: 'string',
              hidden: true,
              required: true,
            },
            {
              name: 'c',
              displayName: 'C',
              format: 'string',
              hidden: true,
              required: true,
              default: 'x',
            },
          ],
          [
            OS,
            K8S,
            CNI,
            {
              ...CSI,
              values:
                'a: {{ .palette.vars.a }}\nb: {{ .palette.vars.b }}\nc: {{ .palette.vars.c }}\n',
            },
          ],
        ),
      );
      expect(messages.map(m => [m.code, m.field])).toEqual([
        ['variables.readOnly', 'variables[0].default'],
        ['variables.hidden', 'variables[1].default'],
      ]);
    });

    it('variables.unused: warns about variables no layer references', () => {
      const messages = validate(
        withVariables([
          { name: 'unused', displayName: 'Unused', format: 'string' },
        ]),
      );
      expect(messages).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'variables.unused',
          field: 'variables[0].name',
        }),
      ]);
    });
  });
});
