import { useApi } from '@backstage/core-plugin-api';
import {
  CloudAccountSummary,
  CloudType,
  ProfileRef,
  ProfileSummary,
  ProfileVariable,
} from '@palette-backstage/plugin-palette-common';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../../api/PaletteApi';

/** The published profiles a cluster can be built from. */
export interface PublishedProfiles {
  loading: boolean;
  error?: Error;
  /** Infra and full profiles: a cluster's base. */
  bases: ProfileSummary[];
  /** Add-on profiles, layered on top. */
  addOns: ProfileSummary[];
}

const byName = (a: ProfileSummary, b: ProfileSummary) =>
  a.name.localeCompare(b.name);

/** The published profiles, by what they are for (fetched once per open). */
export function usePublishedProfiles(active: boolean): PublishedProfiles {
  const paletteApi = useApi(paletteApiRef);
  const { value, loading, error } = useAsync(async () => {
    if (!active) return undefined;
    const list = (type: 'infra' | 'full' | 'add-on') =>
      paletteApi
        .listProfiles({ publishedOnly: true, type, limit: 500 })
        .then(r => r.items);
    const [infra, full, addOns] = await Promise.all([
      list('infra'),
      list('full'),
      list('add-on'),
    ]);
    return {
      bases: [...infra, ...full].sort(byName),
      addOns: addOns.sort(byName),
    };
  }, [paletteApi, active]);
  return {
    loading: loading || (active && !value && !error),
    error,
    bases: value?.bases ?? [],
    addOns: value?.addOns ?? [],
  };
}

/** The versions a new cluster may use: published and not deprecated. */
export const usableVersions = (profile?: ProfileSummary) =>
  (profile?.versions ?? []).filter(v => !v.deprecated).map(v => v.version);

/** Add-on profiles that fit a cloud type. */
export const addOnsFor = (addOns: ProfileSummary[], cloudType?: CloudType) =>
  addOns.filter(
    a => a.cloudType === 'all' || !cloudType || a.cloudType === cloudType,
  );

const NO_VARIABLES: ProfileVariable[] = [];

/**
 * The variables the chosen profile versions ask, the base profile's first;
 * a name asked by two profiles is one value.
 */
export function useProfileVariables(refs: ProfileRef[]): {
  loading: boolean;
  error?: Error;
  variables: ProfileVariable[];
} {
  const paletteApi = useApi(paletteApiRef);
  const key = refs
    .filter(r => r.name && r.version)
    .map(r => `${r.name}@${r.version}`)
    .join(',');
  const { value, loading, error } = useAsync(async () => {
    const versions = await Promise.all(
      key
        .split(',')
        .filter(Boolean)
        .map(text => {
          const [name, version] = text.split('@');
          return paletteApi.getProfileVersion(name, version);
        }),
    );
    const seen = new Set<string>();
    const variables: ProfileVariable[] = [];
    for (const version of versions)
      for (const variable of version.variables ?? [])
        if (!seen.has(variable.name)) {
          seen.add(variable.name);
          variables.push(variable);
        }
    return variables;
  }, [paletteApi, key]);
  return { loading, error, variables: value ?? NO_VARIABLES };
}

const NO_ACCOUNTS: CloudAccountSummary[] = [];

/** The cloud accounts (fetched once per open). */
export function useCloudAccounts(active: boolean) {
  const paletteApi = useApi(paletteApiRef);
  const { value, loading, error } = useAsync(
    async () => (active ? (await paletteApi.listCloudAccounts()).items : []),
    [paletteApi, active],
  );
  return { loading, error, accounts: value ?? NO_ACCOUNTS };
}
