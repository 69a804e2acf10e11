import type { ProfileVersion } from '@palette-backstage/plugin-palette-common';
import { yamlBlock } from '../../packs/define';
import { CLOUD_ACCOUNTS } from './__fixtures__/cloudAccounts';
import { OBSERVABILITY, PROFILE_BY_PROVIDER } from './__fixtures__/profiles';
import { inputFor, requestFor } from './__fixtures__/renderInputs';
import { errorFields, renderErrors, renderOk } from './__fixtures__/results';
import { renderCluster } from '.';

const addOnProfile = (
  layers: ProfileVersion['layers'],
  extra: Partial<ProfileVersion> = {},
): ProfileVersion => ({
  ...OBSERVABILITY,
  name: 'extras',
  layers,
  variables: [],
  ...extra,
});

describe('validation messages', () => {
  it('reports a cloud account of another provider and a region it does not have', () => {
    const input = inputFor('aws', { request: { region: 'mars-north-1' } });
    const messages = renderErrors({
      ...input,
      cloudAccount: CLOUD_ACCOUNTS.azure,
    });
    expect(errorFields(messages)).toEqual([
      'cloudAccount: cloudAccount.cloudType',
      'region: region.unknown',
    ]);
    expect(messages[0].message).toBe(
      'cloud account "azure-prod" is for azure, but the profile aws-infra is for aws',
    );
    expect(messages[1].message).toContain('(westeurope)');
  });

  it('reports add-on profiles that are not add-on profiles or are for another cloud', () => {
    const awsOnly = addOnProfile([], { type: 'add-on', cloudType: 'aws' });
    const messages = renderErrors(
      inputFor('eks', {
        addOnProfiles: [PROFILE_BY_PROVIDER.aws, awsOnly],
        request: {
          variables: { dnsZone: 'apps.example.com' },
          addOnProfiles: [
            { name: 'aws-infra', version: '1.1.0' },
            { name: 'extras', version: '1.0.0' },
          ],
        },
      }),
    );
    expect(errorFields(messages)).toEqual(
      expect.arrayContaining([
        'addOnProfiles.0: addOnProfile.type',
        'addOnProfiles.0: addOnProfile.cloudType',
        'addOnProfiles.1: addOnProfile.cloudType',
      ]),
    );
  });

  it('accepts add-on profiles for all clouds and for the cluster’s own cloud', () => {
    const devOnly = addOnProfile(
      [{ packName: 'kyverno', packVersion: '1.17.0' }],
      { cloudType: 'dev' },
    );
    const result = renderCluster(inputFor('dev', { addOnProfiles: [devOnly] }));
    expect(result.ok).toBe(true);
  });

  it('reports a pack missing from the registry with its profile and layer', () => {
    const profile = {
      ...PROFILE_BY_PROVIDER.dev,
      layers: [
        ...PROFILE_BY_PROVIDER.dev.layers,
        { packName: 'no-such-pack', packVersion: '1.0.0' },
      ],
    };
    const messages = renderErrors(inputFor('dev', { profile }));
    expect(messages).toEqual([
      {
        severity: 'error',
        code: 'pack.missing',
        field: 'profile',
        layer: 'no-such-pack',
        message:
          'dev-full@1.0.0: the pack no-such-pack@1.0.0 is not in the pack registry',
      },
    ]);
  });

  it('reports variables that are missing, invalid or unknown, by request field', () => {
    const eks = renderErrors(inputFor('eks', { request: { variables: {} } }));
    expect(errorFields(eks)).toEqual(['variables.dnsZone: variable.missing']);

    const aws = renderErrors(
      inputFor('aws', {
        request: { variables: { podCidr: 'not-a-cidr', colour: 'blue' } },
      }),
    );
    expect(errorFields(aws)).toEqual([
      'variables.colour: variable.unknown',
      'variables.podCidr: variable.invalid',
    ]);
    expect(aws[1].message).toContain('not an IPv4 CIDR block');
  });

  it('gives each profile the variables it declares and none of the others', () => {
    // grafanaAdminPassword belongs to the add-on profile, podCidr to the infra profile.
    const { objects } = renderOk(
      inputFor('aws', {
        addOnProfiles: [OBSERVABILITY],
        request: {
          variables: {
            podCidr: '172.16.0.0/16',
            grafanaAdminPassword: 'correct-horse-battery',
          },
        },
      }),
    );
    expect(objects.some(o => o.kind === 'HelmChartProxy')).toBe(true);
    const missing = renderErrors(
      inputFor('aws', { addOnProfiles: [OBSERVABILITY] }),
    );
    expect(errorFields(missing)).toEqual([
      'variables.grafanaAdminPassword: variable.missing',
    ]);
    expect(missing[0].message).toMatch(/^observability@1\.0\.0: /);
  });

  it('reports values that break the pack schema once variables are substituted', () => {
    const profile: ProfileVersion = {
      ...PROFILE_BY_PROVIDER.dev,
      layers: PROFILE_BY_PROVIDER.dev.layers.map(l =>
        l.packName === 'cert-manager'
          ? {
              ...l,
              values: yamlBlock`
                replicaCount: {{ .palette.vars.replicas }}
              `,
            }
          : l,
      ),
      variables: [
        ...(PROFILE_BY_PROVIDER.dev.variables ?? []),
        {
          name: 'replicas',
          displayName: 'Replicas',
          format: 'number',
          default: '0',
        },
      ],
    };
    const messages = renderErrors(inputFor('dev', { profile }));
    expect(messages).toEqual([
      expect.objectContaining({
        code: 'values.schema',
        field: 'profile',
        layer: 'cert-manager',
        message: expect.stringContaining('at replicaCount must be at least 1'),
      }),
    ]);
  });

  it('reports an empty instance type on the pool’s field', () => {
    const request = requestFor('aws');
    const messages = renderErrors(
      inputFor('aws', {
        request: {
          workerPools: [
            request.workerPools[0],
            { ...request.workerPools[1], instanceType: ' ' },
          ],
        },
      }),
    );
    expect(errorFields(messages)).toEqual([
      'workerPools.1.instanceType: pool.instanceType',
    ]);
  });

  it('reports a request without worker pools instead of failing on it', () => {
    const messages = renderErrors(
      inputFor('aws', { request: { workerPools: [] } }),
    );
    expect(errorFields(messages)).toEqual(['workerPools: workerPools.empty']);
  });

  it('notes that managed services ignore the control plane fields, without failing', () => {
    const result = renderOk(
      inputFor('eks', {
        request: {
          variables: { dnsZone: 'apps.example.com' },
          controlPlane: { replicas: 5, instanceType: 'm6i.xlarge' },
        },
      }),
    );
    expect(
      result.messages.filter(m => m.code === 'controlPlane.managed'),
    ).toEqual([
      expect.objectContaining({
        severity: 'info',
        field: 'controlPlane.replicas',
      }),
      expect.objectContaining({
        severity: 'info',
        field: 'controlPlane.instanceType',
      }),
    ]);
  });

  it('reports every problem at once', () => {
    const request = requestFor('vsphere');
    const input = inputFor('vsphere', {
      request: {
        region: 'dc9',
        variables: { podCidr: '10.0.0.0/99' },
        workerPools: [
          { ...request.workerPools[0], instanceType: 'huge' },
          {
            ...request.workerPools[1],
            labels: { 'kubernetes.io/role': 'batch' },
          },
        ],
      },
    });
    const messages = renderErrors({
      ...input,
      cloudAccount: {
        ...CLOUD_ACCOUNTS.vsphere,
        credentialRef: { kind: 'AWSClusterRoleIdentity', name: 'x' },
        settings: {},
      },
    });
    expect(errorFields(messages)).toEqual([
      'region: region.unknown',
      'variables.controlPlaneVip: variable.missing',
      'variables.podCidr: variable.invalid',
      'cloudAccount: cloudAccount.credentialRef',
      'cloudAccount: cloudAccount.settings',
      'cloudAccount: cloudAccount.settings',
      'workerPools.0.instanceType: pool.instanceType',
      'workerPools.1.labels.kubernetes.io/role: pool.labels',
    ]);
  });

  describe('per provider', () => {
    it('vSphere: needs the control plane VIP and known machine sizes', () => {
      const request = requestFor('vsphere');
      const messages = renderErrors(
        inputFor('vsphere', {
          request: {
            variables: {},
            workerPools: [{ ...request.workerPools[0], instanceType: 'huge' }],
          },
        }),
      );
      expect(errorFields(messages)).toEqual([
        'variables.controlPlaneVip: variable.missing',
        'workerPools.0.instanceType: pool.instanceType',
      ]);
      expect(messages[1].message).toBe(
        '"huge" is not a machine size here; use one of small, medium, large, xlarge',
      );
    });

    it('OpenStack: needs a credential reference of a kind CAPO takes', () => {
      const input = inputFor('openstack');
      const { credentialRef: _unused, ...account } = CLOUD_ACCOUNTS.openstack;
      expect(
        errorFields(renderErrors({ ...input, cloudAccount: account })),
      ).toEqual(['cloudAccount: cloudAccount.credentialRef']);
      expect(
        errorFields(
          renderErrors({
            ...input,
            cloudAccount: {
              ...account,
              credentialRef: { kind: 'ConfigMap', name: 'clouds' },
            },
          }),
        ),
      ).toEqual(['cloudAccount: cloudAccount.credentialRef']);
    });

    it('MAAS: notes that it ignores a credential reference; needs its DNS domain', () => {
      const input = inputFor('maas');
      const noted = renderOk({
        ...input,
        cloudAccount: {
          ...CLOUD_ACCOUNTS.maas,
          credentialRef: { kind: 'Secret', name: 'maas' },
        },
      });
      expect(noted.messages).toEqual([
        expect.objectContaining({
          severity: 'info',
          code: 'cloudAccount.credentialRef',
        }),
      ]);
      const messages = renderErrors({
        ...input,
        cloudAccount: { ...CLOUD_ACCOUNTS.maas, settings: {} },
      });
      expect(messages.map(m => m.message)).toEqual([
        'cloud account "maas-lab" lacks the setting "dnsDomain" (the MAAS DNS domain the API server record is created in)',
      ]);
    });

    it('AKS: pool names must be AKS agent pool names', () => {
      const request = requestFor('aks');
      const messages = renderErrors(
        inputFor('aks', {
          request: {
            workerPools: [
              { ...request.workerPools[0], name: 'general-purpose' },
            ],
          },
        }),
      );
      expect(errorFields(messages)).toEqual(['workerPools.0.name: pool.name']);
    });

    it('Azure: RHEL nodes need the account’s image gallery', () => {
      const profile: ProfileVersion = {
        ...PROFILE_BY_PROVIDER.azure,
        layers: PROFILE_BY_PROVIDER.azure.layers.map(l =>
          l.packName === 'ubuntu'
            ? { packName: 'rhel', packVersion: '9.7.0' }
            : l,
        ),
      };
      expect(errorFields(renderErrors(inputFor('azure', { profile })))).toEqual(
        ['cloudAccount: cloudAccount.settings'],
      );
    });
  });

  describe('across profiles', () => {
    it('reports a pack installed twice, by the later profile', () => {
      const twice = addOnProfile([
        { packName: 'cert-manager', packVersion: '1.21.2' },
      ]);
      const messages = renderErrors(
        inputFor('dev', { addOnProfiles: [twice] }),
      );
      expect(messages).toEqual([
        expect.objectContaining({
          code: 'pack.duplicate',
          field: 'addOnProfiles.0',
          layer: 'cert-manager',
          message:
            'cert-manager is already installed by dev-full@1.0.0; a pack can be installed once per cluster',
        }),
      ]);
    });

    it('reports add-ons that do not fit the cluster’s Kubernetes version or miss what they need', () => {
      const addOns = addOnProfile([
        { packName: 'ingress-nginx', packVersion: '1.14.1' },
        { packName: 'istio', packVersion: '1.29.0' },
      ]);
      const messages = renderErrors(
        inputFor('dev', { addOnProfiles: [addOns] }),
      );
      expect(errorFields(messages)).toEqual(
        expect.arrayContaining(['addOnProfiles.0: pack.requires']),
      );
      expect(messages.find(m => m.code === 'pack.requires')?.message).toBe(
        'istio needs istio-base in the cluster (istiod needs the Istio CRDs)',
      );
    });

    it('reports a second CNI once', () => {
      const cni = addOnProfile(
        [{ packName: 'cilium', packVersion: '1.19.1' }],
        {
          cloudType: 'dev',
        },
      );
      const messages = renderErrors(inputFor('dev', { addOnProfiles: [cni] }));
      expect(messages.filter(m => m.code === 'pack.conflicts')).toHaveLength(1);
    });
  });

  it('reports node labels a kubelet may not set, and syncs node-role labels through Cluster API', () => {
    const request = requestFor('aws');
    const labelled = (labels: Record<string, string>) =>
      inputFor('aws', {
        request: { workerPools: [{ ...request.workerPools[0], labels }] },
      });
    expect(
      errorFields(renderErrors(labelled({ 'kubernetes.io/role': 'worker' }))),
    ).toEqual(['workerPools.0.labels.kubernetes.io/role: pool.labels']);

    const { objects } = renderOk(
      labelled({
        'node-role.kubernetes.io/worker': '',
        'node.kubernetes.io/pool': 'general',
        team: 'apollo',
      }),
    );
    const cluster = objects.find(o => o.kind === 'Cluster') as any;
    expect(
      cluster.spec.topology.workers.machineDeployments[0].metadata,
    ).toEqual({
      labels: { 'node-role.kubernetes.io/worker': '' },
    });
    const bootstrap = objects.find(
      o =>
        o.kind === 'KubeadmConfigTemplate' &&
        o.metadata.name.startsWith('aws-demo-workers-bootstrap-'),
    ) as any;
    expect(
      bootstrap.spec.template.spec.joinConfiguration.nodeRegistration
        .kubeletExtraArgs,
    ).toContainEqual({
      name: 'node-labels',
      value: 'node.kubernetes.io/pool=general,team=apollo',
    });
  });

  it('refuses an add-on profile as the cluster’s profile', () => {
    const messages = renderErrors(
      inputFor('dev', { profile: { ...OBSERVABILITY } }),
    );
    expect(errorFields(messages)[0]).toBe('profile: profile.type');
  });
});
