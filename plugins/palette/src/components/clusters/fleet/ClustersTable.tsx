import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Checkbox from '@material-ui/core/Checkbox';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ClusterSummary } from '@palette-backstage/plugin-palette-common';
import { ReactNode } from 'react';
import { ClusterSortKey } from '../../../api/PaletteApi';
import { CLOUD_TYPE_LABELS, humanizeOwner } from '../../profiles/utils';
import {
  DriftChip,
  ImportedChip,
  NodesBar,
  PausedChip,
  PhaseChip,
  UpdateAvailableChip,
} from '../ClusterChips';
import { formatAge, profileRefText } from '../utils';
import { FleetSort } from './fleetQuery';

const useStyles = makeStyles(theme => ({
  secondary: { color: theme.palette.text.secondary },
  message: {
    color: theme.palette.text.secondary,
    maxWidth: 320,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
  },
}));

interface Column {
  title: string;
  sort?: ClusterSortKey;
  align?: 'right';
  render: (cluster: ClusterSummary) => ReactNode;
}

/** Which rows are selected, and how a click changes that. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  /** Selects (or unselects) the named clusters. */
  onSelect: (names: string[], selected: boolean) => void;
}

/**
 * One page of clusters, with headers that sort on the server; with
 * `selection`, a checkbox per row and one for the page. `onPreviewUpgrade`
 * makes the update-available chip of the clusters `canUpgrade` allows open
 * the upgrade preview.
 */
export const ClustersTable = ({
  items,
  sort,
  onSort,
  empty,
  selection,
  canUpgrade,
  onPreviewUpgrade,
}: {
  items: ClusterSummary[];
  sort: FleetSort;
  onSort: (sort: FleetSort) => void;
  /** Shown in place of rows when the page is empty. */
  empty: ReactNode;
  selection?: RowSelection;
  canUpgrade?: (name: string) => boolean;
  onPreviewUpgrade?: (cluster: ClusterSummary) => void;
}) => {
  const classes = useStyles();
  const entityLink = useRouteRef(entityRouteRef);

  const columns: Column[] = [
    {
      title: 'Name',
      sort: 'name',
      render: c => (
        <>
          <Link
            to={entityLink({
              namespace: 'default',
              kind: 'resource',
              name: c.name,
            })}
          >
            {c.name}
          </Link>
          {c.imported && (
            <div className={classes.chips}>
              <ImportedChip mode={c.imported.mode} />
            </div>
          )}
          {c.message && (
            <Typography
              variant="body2"
              className={classes.message}
              title={c.message}
            >
              {c.message}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Phase',
      sort: 'phase',
      render: c => (
        <>
          <PhaseChip phase={c.phase} />
          <Typography
            variant="caption"
            component="div"
            className={classes.secondary}
          >
            {formatAge(c.phaseSince)}
          </Typography>
        </>
      ),
    },
    {
      title: 'Provider',
      sort: 'provider',
      render: c => (
        <>
          {CLOUD_TYPE_LABELS[c.provider]}
          <Typography variant="body2" className={classes.secondary}>
            {c.region}
          </Typography>
        </>
      ),
    },
    { title: 'Owner', sort: 'owner', render: c => humanizeOwner(c.owner) },
    { title: 'Environment', sort: 'environment', render: c => c.environment },
    {
      title: 'Nodes',
      render: c => <NodesBar ready={c.nodes.ready} desired={c.nodes.desired} />,
    },
    { title: 'Kubernetes', render: c => c.kubernetesVersion ?? '—' },
    {
      title: 'Profile',
      render: c => (
        <>
          {profileRefText(c.profile)}
          {(c.updateAvailable || c.drifted || c.paused) && (
            <div className={classes.chips}>
              {c.updateAvailable && (
                <UpdateAvailableChip
                  version={c.updateAvailable}
                  onClick={
                    onPreviewUpgrade && canUpgrade?.(c.name)
                      ? () => onPreviewUpgrade(c)
                      : undefined
                  }
                />
              )}
              {c.drifted && <DriftChip />}
              {c.paused && <PausedChip />}
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Created',
      sort: 'createdAt',
      render: c => formatAge(c.createdAt),
    },
  ];

  const names = items.map(c => c.name);
  const selectedHere = selection
    ? names.filter(n => selection.selected.has(n)).length
    : 0;

  const sortBy = (key: ClusterSortKey) =>
    onSort({
      key,
      order: sort.key === key && sort.order === 'asc' ? 'desc' : 'asc',
    });

  return (
    <TableContainer>
      <Table size="small" aria-label="Clusters">
        <TableHead>
          <TableRow>
            {selection && (
              <TableCell padding="checkbox">
                <Checkbox
                  inputProps={{
                    'aria-label': 'Select all clusters on this page',
                  }}
                  checked={names.length > 0 && selectedHere === names.length}
                  indeterminate={
                    selectedHere > 0 && selectedHere < names.length
                  }
                  disabled={names.length === 0}
                  onChange={e => selection.onSelect(names, e.target.checked)}
                />
              </TableCell>
            )}
            {columns.map(column => (
              <TableCell
                key={column.title}
                align={column.align}
                sortDirection={sort.key === column.sort ? sort.order : false}
              >
                {column.sort ? (
                  <TableSortLabel
                    active={sort.key === column.sort}
                    direction={sort.key === column.sort ? sort.order : 'asc'}
                    onClick={() => sortBy(column.sort!)}
                  >
                    {column.title}
                  </TableSortLabel>
                ) : (
                  column.title
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(cluster => (
            <TableRow
              key={cluster.name}
              hover
              aria-label={cluster.name}
              selected={selection?.selected.has(cluster.name)}
            >
              {selection && (
                <TableCell padding="checkbox">
                  <Checkbox
                    inputProps={{ 'aria-label': `Select ${cluster.name}` }}
                    checked={selection.selected.has(cluster.name)}
                    onChange={e =>
                      selection.onSelect([cluster.name], e.target.checked)
                    }
                  />
                </TableCell>
              )}
              {columns.map(column => (
                <TableCell key={column.title} align={column.align}>
                  {column.render(cluster)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {items.length === 0 && (
            <TableRow>
              <TableCell
                colSpan={columns.length + (selection ? 1 : 0)}
                align="center"
              >
                {empty}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
