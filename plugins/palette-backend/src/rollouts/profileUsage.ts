import {
  compareSemver,
  ProfileDetails,
  ProfileUsage,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { CLUSTERS_TABLE } from '../clusters/rows';
import { toCount } from '../database/util';

/** Live clusters per version of a profile, counted in the database. */
export async function countClustersPerVersion(
  db: Knex,
  profile: string,
): Promise<Map<string, number>> {
  const rows = (await db(CLUSTERS_TABLE)
    .whereNotNull('active_name')
    .where('profile_name', profile)
    .select('profile_version')
    .count({ count: '*' })
    .groupBy('profile_version')) as Array<{
    profile_version: string;
    count: unknown;
  }>;
  return new Map(rows.map(r => [r.profile_version, toCount(r.count)]));
}

/**
 * How many clusters run each version: every published version (none
 * running is worth showing too) and any version clusters still run,
 * highest first.
 */
export function toProfileUsage(
  profile: ProfileDetails,
  counts: Map<string, number>,
): ProfileUsage {
  const versions = new Set([
    ...profile.versions.map(v => v.version),
    ...counts.keys(),
  ]);
  return {
    profile: profile.name,
    ...(profile.latestVersion ? { latestVersion: profile.latestVersion } : {}),
    versions: [...versions]
      .sort((a, b) => compareSemver(b, a))
      .map(version => ({ version, clusters: counts.get(version) ?? 0 })),
  };
}
