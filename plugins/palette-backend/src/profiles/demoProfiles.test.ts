import { profileVersionSchema } from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../packs/PackRegistry';
import { DEMO_PROFILE_VERSIONS } from './demoProfiles';
import { validateProfile } from './validateProfile';
import { nextVersionIsValid } from '@palette-backstage/plugin-palette-common';

describe('demo profiles', () => {
  const registry = PackRegistry.withBuiltinPacks();

  it.each(
    DEMO_PROFILE_VERSIONS.map(p => [`${p.name}@${p.version}`, p] as const),
  )('%s validates clean', (_key, version) => {
    expect(profileVersionSchema.parse(version)).toEqual(version);
    expect(validateProfile(version, registry)).toEqual([]);
  });

  it('covers the promised kinds of profile', () => {
    const kinds = new Set(
      DEMO_PROFILE_VERSIONS.map(p => `${p.type}/${p.cloudType}`),
    );
    expect([...kinds].sort()).toEqual([
      'add-on/all',
      'full/dev',
      'full/eks',
      'infra/aws',
      'infra/vsphere',
    ]);
    const observability = DEMO_PROFILE_VERSIONS.find(p => p.type === 'add-on')!;
    expect(observability.layers.map(l => l.packName)).toEqual([
      'kube-prometheus-stack',
      'loki',
    ]);
  });

  it('publishes versions of a profile in increasing order', () => {
    const byName = new Map<string, string[]>();
    for (const p of DEMO_PROFILE_VERSIONS) {
      byName.set(p.name, [...(byName.get(p.name) ?? []), p.version]);
    }
    expect(byName.get('aws-infra')).toEqual(['1.0.0', '1.1.0']);
    for (const versions of byName.values()) {
      versions
        .slice(1)
        .forEach((version, i) =>
          expect(nextVersionIsValid(versions[i], version)).toBe(true),
        );
    }
  });
});
