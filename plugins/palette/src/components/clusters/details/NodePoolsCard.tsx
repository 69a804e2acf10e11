import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import TuneIcon from '@material-ui/icons/Tune';
import {
  ClusterDetails,
  ReplicaStatus,
} from '@palette-backstage/plugin-palette-common';
import { NodesBar } from '../ClusterChips';
import { canChangeInPhase } from '../utils';
import { ClusterAction } from './actionTypes';

const Replicas = ({
  replicas,
  fallbackDesired,
  label,
}: {
  replicas?: ReplicaStatus;
  fallbackDesired: number;
  label: string;
}) => (
  <NodesBar
    ready={replicas?.ready ?? 0}
    desired={replicas?.desired ?? fallbackDesired}
    label={`${label} nodes ready`}
  />
);

const upToDate = (replicas?: ReplicaStatus) =>
  replicas ? `${replicas.upToDate} of ${replicas.desired}` : '—';

/**
 * The control plane and the worker pools: ready over desired nodes, how many
 * run the current version, and (for permitted users) scale, add and remove.
 */
export const NodePoolsCard = ({
  cluster,
  canUpdate,
  onAction,
}: {
  cluster: ClusterDetails;
  canUpdate: boolean;
  onAction: (action: ClusterAction) => void;
}) => {
  const changeable = canUpdate && canChangeInPhase(cluster.phase);
  const { controlPlane } = cluster;
  return (
    <InfoCard
      title="Nodes"
      subheader="Ready over desired, per machine set"
      noPadding
      action={
        changeable ? (
          <Button
            size="small"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => onAction({ type: 'addPool' })}
          >
            Add pool
          </Button>
        ) : undefined
      }
    >
      <Table size="small" aria-label="Node pools">
        <TableHead>
          <TableRow>
            <TableCell>Pool</TableCell>
            <TableCell>Instance type</TableCell>
            <TableCell>Ready</TableCell>
            <TableCell>Up to date</TableCell>
            <TableCell>Version</TableCell>
            <TableCell>Autoscaling</TableCell>
            {changeable && <TableCell align="right">Actions</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow aria-label="Control plane">
            <TableCell>
              <Typography variant="subtitle2">Control plane</Typography>
            </TableCell>
            {controlPlane.managed ? (
              <TableCell colSpan={3}>
                Managed by the cloud provider: no machines to count
              </TableCell>
            ) : (
              <>
                <TableCell>
                  {cluster.request.controlPlane.instanceType ?? '—'}
                </TableCell>
                <TableCell>
                  <Replicas
                    replicas={controlPlane.replicas}
                    fallbackDesired={cluster.request.controlPlane.replicas}
                    label="control plane"
                  />
                </TableCell>
                <TableCell>{upToDate(controlPlane.replicas)}</TableCell>
              </>
            )}
            <TableCell>{controlPlane.version ?? '—'}</TableCell>
            <TableCell>—</TableCell>
            {changeable && <TableCell />}
          </TableRow>
          {cluster.pools.map(pool => (
            <TableRow key={pool.name} aria-label={`Pool ${pool.name}`}>
              <TableCell>
                <Typography variant="subtitle2">{pool.name}</Typography>
                <Typography variant="caption" color="textSecondary">
                  {pool.kind}
                </Typography>
              </TableCell>
              <TableCell>{pool.instanceType}</TableCell>
              <TableCell>
                <Replicas
                  replicas={pool.replicas}
                  fallbackDesired={pool.count}
                  label={pool.name}
                />
              </TableCell>
              <TableCell>{upToDate(pool.replicas)}</TableCell>
              <TableCell>{pool.version ?? '—'}</TableCell>
              <TableCell>
                {pool.autoscaling
                  ? `${pool.autoscaling.min}–${pool.autoscaling.max} nodes`
                  : 'Off'}
              </TableCell>
              {changeable && (
                <TableCell align="right">
                  <Tooltip title="Scale this pool">
                    <IconButton
                      size="small"
                      aria-label={`Scale pool ${pool.name}`}
                      onClick={() =>
                        onAction({ type: 'scale', pool: pool.name })
                      }
                    >
                      <TuneIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip
                    title={
                      cluster.pools.length > 1
                        ? 'Remove this pool and its nodes'
                        : 'A cluster keeps at least one worker pool'
                    }
                  >
                    <span>
                      <IconButton
                        size="small"
                        aria-label={`Remove pool ${pool.name}`}
                        disabled={cluster.pools.length <= 1}
                        onClick={() =>
                          onAction({ type: 'removePool', pool: pool.name })
                        }
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
};
