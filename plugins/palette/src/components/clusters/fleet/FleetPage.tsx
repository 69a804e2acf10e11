import {
  ContentHeader,
  EmptyState,
  SupportButton,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import {
  ClusterDetails,
  ClusterSummary,
  isClusterPhaseInProgress,
} from '@palette-backstage/plugin-palette-common';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paletteApiRef } from '../../../api/PaletteApi';
import {
  useCanCreateCluster,
  usePagedFilters,
  usePolledValue,
} from '../../../hooks';
import { clusterRouteRef } from '../../../routes';
import { ImportClusterButton } from '../../imports';
import { AddButton, NoMatches, PagedListBody } from '../../shared';
import { RequestClusterDialog } from '../request';
import { BulkActionBar } from './BulkActionBar';
import { ClustersTable } from './ClustersTable';
import { FleetFilters } from './FleetFilters';
import {
  DEFAULT_SORT,
  FleetFilters as Filters,
  FleetSort,
  hasFilters,
  NO_FILTERS,
  toClusterQuery,
} from './fleetQuery';
import { FleetUpgradePreview } from './FleetUpgradePreview';
import { PhaseFilter } from './PhaseFilter';
import { useClusterPermissionMap } from './useClusterPermissionMap';
import { useFleetSelection } from './useFleetSelection';

const useStyles = makeStyles(theme => ({
  filters: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  phases: { marginTop: theme.spacing(2) },
}));

const NO_ITEMS: ClusterSummary[] = [];

/** How often the page is asked for again while a cluster on it is busy. */
export const FLEET_POLL_MS = 5_000;

/**
 * The fleet: a page of clusters at a time (filtered, sorted and paged on the
 * server, so it stays fast with tens of thousands), refreshed while any
 * cluster on the page is in progress.
 */
export const FleetPage = () => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const navigate = useNavigate();
  const clusterLink = useRouteRef(clusterRouteRef);
  const { allowed: canCreate } = useCanCreateCluster();

  const paging = usePagedFilters<Filters>(NO_FILTERS);
  const { filters, applied, page, pageSize } = paging;
  const [sort, setSort] = useState<FleetSort>(DEFAULT_SORT);
  const [requesting, setRequesting] = useState(false);
  const [previewing, setPreviewing] = useState<string>();

  const query = useMemo(
    () => toClusterQuery(applied, sort, page, pageSize),
    [applied, sort, page, pageSize],
  );
  const key = JSON.stringify(query);
  const { value, error, refresh } = usePolledValue(
    async () => ({ key, response: await paletteApi.listClusters(query) }),
    [paletteApi, key],
    ({ response }) =>
      response.items.some(c => isClusterPhaseInProgress(c.phase))
        ? FLEET_POLL_MS
        : undefined,
  );

  const items = value?.response.items ?? NO_ITEMS;
  const permissions = useClusterPermissionMap(
    useMemo(() => items.map(c => c.name), [items]),
  );
  const { selection, selected, clear } = useFleetSelection(key, items);

  // Chips apply at once; only typing waits.
  const changePhases = (phases: Filters['phases']) =>
    paging.applyFilters({ ...filters, phases });
  const openCluster = (cluster: ClusterDetails) => {
    setRequesting(false);
    navigate(clusterLink({ name: cluster.name }));
  };

  const requestButton = canCreate && (
    <AddButton onClick={() => setRequesting(true)}>Request cluster</AddButton>
  );

  const body = (
    <PagedListBody
      loaded={value}
      queryKey={key}
      error={error}
      filtered={hasFilters(applied)}
      loadingLabel="Loading clusters"
      paging={paging}
      empty={
        <EmptyState
          missing="data"
          title="No clusters yet"
          description={
            canCreate
              ? 'Request a cluster from a published cluster profile: pick the profile, the cloud account and the worker pools, validate, and Palette provisions it on Cluster API. A cluster built elsewhere can be brought in with Import cluster, by its kubeconfig.'
              : 'Clusters are requested from published cluster profiles. Ask your platform team for the palette.cluster.create permission, or use a software template that requests one for you.'
          }
          action={requestButton || undefined}
        />
      }
      filters={
        <Paper className={classes.filters}>
          <FleetFilters filters={filters} onChange={paging.changeFilters} />
          <div className={classes.phases}>
            <PhaseFilter
              counts={value?.response.phaseCounts ?? {}}
              selected={filters.phases}
              onChange={changePhases}
            />
          </div>
        </Paper>
      }
    >
      {response => (
        <>
          <BulkActionBar
            selected={selected}
            permissionsOf={permissions.of}
            onClear={clear}
            onDone={refresh}
          />
          <ClustersTable
            items={response.items}
            selection={selection}
            canUpgrade={name => permissions.of(name).canUpdate}
            onPreviewUpgrade={c => setPreviewing(c.name)}
            sort={sort}
            onSort={s => {
              setSort(s);
              paging.setPage(0);
            }}
            empty={
              <NoMatches onClear={() => paging.applyFilters(NO_FILTERS)}>
                No clusters match these filters.
              </NoMatches>
            }
          />
        </>
      )}
    </PagedListBody>
  );

  return (
    <>
      <ContentHeader
        title="Clusters"
        description="Every cluster Palette manages, with its live lifecycle"
      >
        {requestButton}
        <ImportClusterButton onImported={openCluster} />
        <SupportButton>
          Clusters are created from published cluster profiles and reconciled by
          Cluster API, or imported by kubeconfig. Open a cluster to follow its
          lifecycle, upgrade, scale or delete it.
        </SupportButton>
      </ContentHeader>
      {body}
      {canCreate && (
        <RequestClusterDialog
          open={requesting}
          onClose={() => setRequesting(false)}
          onCreated={openCluster}
        />
      )}
      {previewing && (
        <FleetUpgradePreview
          name={previewing}
          onClose={() => setPreviewing(undefined)}
          onDone={() => {
            setPreviewing(undefined);
            refresh();
          }}
        />
      )}
    </>
  );
};
