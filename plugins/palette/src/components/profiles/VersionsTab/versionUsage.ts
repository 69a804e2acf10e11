import { useApi } from '@backstage/core-plugin-api';
import {
  compareSemver,
  isValidSemver,
  ProfileUsage,
} from '@palette-backstage/plugin-palette-common';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../../api/PaletteApi';

/** How many clusters run each version of a profile, and what is behind one. */
export interface VersionUsage {
  /** Clusters on the version; `undefined` until known. */
  clustersOn(version: string): number | undefined;
  /** Clusters on a version older than this one, which a rollout could move. */
  clustersBehind(version: string): number;
}

/** Reads a profile's usage into answers per version. */
export function versionUsageOf(usage?: ProfileUsage): VersionUsage {
  const counts = new Map(
    (usage?.versions ?? []).map(v => [v.version, v.clusters] as const),
  );
  return {
    clustersOn: version => (usage ? counts.get(version) ?? 0 : undefined),
    clustersBehind: version => {
      if (!isValidSemver(version)) return 0;
      let behind = 0;
      for (const [other, clusters] of counts)
        if (isValidSemver(other) && compareSemver(other, version) < 0)
          behind += clusters;
      return behind;
    },
  };
}

/**
 * How many clusters run each version of the named profile. `refreshKey`
 * asks again, e.g. after a version was published or deleted.
 */
export function useVersionUsage(
  name: string,
  refreshKey?: unknown,
): VersionUsage & { error?: Error } {
  const paletteApi = useApi(paletteApiRef);
  const { value, error } = useAsync(
    () => paletteApi.getProfileUsage(name),
    [paletteApi, name, refreshKey],
  );
  return { ...versionUsageOf(value), error };
}
