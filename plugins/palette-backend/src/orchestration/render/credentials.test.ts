import type { ProfileVersion } from '@palette-backstage/plugin-palette-common';
import { yamlBlock } from '../../packs/define';
import type { KubeObject } from '../types';
import { CLOUD_ACCOUNTS } from './__fixtures__/cloudAccounts';
import { OBSERVABILITY, PROFILE_BY_PROVIDER } from './__fixtures__/profiles';
import { inputFor, PROVIDERS, requestFor } from './__fixtures__/renderInputs';
import { renderOk } from './__fixtures__/results';

/** Every string in an object, with its path. */
function strings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
}

/** Where a credential reference may be named: the providers' reference fields. */
const REFERENCE_PATH =
  /(\.identityRef\.name|\.credentialsRef\.name|\.annotations\.serviceoperator\.azure\.com\/credential-from)$/;

const SECRET_LIKE_KEY = /(password|secret|token|privatekey|accesskey)/i;

describe('credentials', () => {
  it.each(PROVIDERS)('%s: are referenced, never rendered', provider => {
    const { objects } = renderOk(inputFor(provider));
    expect(objects.filter(o => o.kind === 'Secret')).toEqual([]);

    const ref = CLOUD_ACCOUNTS[provider].credentialRef;
    const mentions = objects.flatMap(o =>
      strings(o)
        .filter(([, v]) => ref && v === ref.name)
        .map(([path]) => `${o.kind}${path}`),
    );
    for (const mention of mentions) expect(mention).toMatch(REFERENCE_PATH);
    // Providers with per-cluster credentials do reference them.
    expect(mentions.length > 0).toBe(ref !== undefined);

    const secretLike = objects.flatMap(o =>
      strings(o)
        .filter(
          ([path, v]) =>
            SECRET_LIKE_KEY.test(path.split('.').pop()!) && v !== '',
        )
        .map(([path]) => `${o.kind}${path}`),
    );
    expect(secretLike).toEqual([]);
  });

  it('leaves the RHEL activation key out of bootstrap data', () => {
    const profile: ProfileVersion = {
      ...PROFILE_BY_PROVIDER.vsphere,
      layers: PROFILE_BY_PROVIDER.vsphere.layers.map(l =>
        l.packName === 'ubuntu'
          ? {
              packName: 'rhel',
              packVersion: '9.7.0',
              values: yamlBlock`
                subscription:
                  organizationId: "1234567"
                  activationKey: ak-9f2c1e7d
              `,
            }
          : l,
      ),
    };
    const { objects } = renderOk(inputFor('vsphere', { profile }));
    const text = JSON.stringify(objects);
    expect(text).not.toContain('ak-9f2c1e7d');
    expect(text).not.toContain('1234567');
    // The OS layer still applies: RHEL images.
    expect(text).toContain('rhel-9-kube-v1.34.10');
  });

  it('writes a sensitive add-on value only into the values of the chart that uses it', () => {
    const password = 'correct-horse-battery';
    const { objects } = renderOk(
      inputFor('aws', {
        addOnProfiles: [OBSERVABILITY],
        request: {
          variables: {
            ...requestFor('aws').variables,
            grafanaAdminPassword: password,
          },
        },
      }),
    );
    const holders = objects.filter((o: KubeObject) =>
      JSON.stringify(o).includes(password),
    );
    expect(holders.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'HelmChartProxy/aws-demo-kube-prometheus-stack',
    ]);
    expect((holders[0] as any).spec.valuesTemplate).toContain(
      `adminPassword: ${password}`,
    );
  });
});
