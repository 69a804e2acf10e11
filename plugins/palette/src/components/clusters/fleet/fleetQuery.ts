import {
  CloudType,
  ClusterPhase,
} from '@palette-backstage/plugin-palette-common';
import { ClusterSortKey, ListClustersFilter } from '../../../api/PaletteApi';
import { normalizeOwnerRef } from '../../profiles/utils';

/** The fleet page's filters, as the inputs hold them. */
export interface FleetFilters {
  phases: ClusterPhase[];
  provider: Exclude<CloudType, 'all'> | '';
  environment: string;
  /** A group name or ref, e.g. `team-apollo`. */
  owner: string;
  /** A profile name, or `name@version`. */
  profile: string;
  search: string;
}

export const NO_FILTERS: FleetFilters = {
  phases: [],
  provider: '',
  environment: '',
  owner: '',
  profile: '',
  search: '',
};

export interface FleetSort {
  key: ClusterSortKey;
  order: 'asc' | 'desc';
}

export const DEFAULT_SORT: FleetSort = { key: 'name', order: 'asc' };

/** Whether any filter is set. */
export const hasFilters = (filters: FleetFilters) =>
  filters.phases.length > 0 ||
  [
    filters.provider,
    filters.environment,
    filters.owner,
    filters.profile,
    filters.search,
  ].some(v => v.trim() !== '');

/** The page the server is asked for: only the filters that are set. */
export function toClusterQuery(
  filters: FleetFilters,
  sort: FleetSort,
  page: number,
  pageSize: number,
): ListClustersFilter {
  const query: ListClustersFilter = {
    sort: sort.key,
    order: sort.order,
    limit: pageSize,
    offset: page * pageSize,
  };
  if (filters.phases.length) query.phase = filters.phases;
  if (filters.provider) query.provider = [filters.provider];
  const environment = filters.environment.trim().toLocaleLowerCase('en-US');
  if (environment) query.environment = [environment];
  const owner = normalizeOwnerRef(filters.owner);
  if (owner) query.owner = [owner];
  const [profile, profileVersion] = filters.profile.trim().split('@');
  if (profile) query.profile = profile;
  if (profile && profileVersion) query.profileVersion = profileVersion;
  if (filters.search.trim()) query.search = filters.search.trim();
  return query;
}
