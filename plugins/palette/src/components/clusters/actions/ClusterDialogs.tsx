import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../../api/PaletteApi';
import { GenerateProfileDialog, ManagedAddOnsDialog } from '../../imports';
import { ConfirmDialog } from '../../shared';
import { ClusterAction } from '../details/actionTypes';
import { newPool, toPoolForm, toWorkerPool } from '../request';
import { plural } from '../utils';
import { DeleteClusterDialog } from './DeleteClusterDialog';
import { PoolDialog } from './PoolDialog';
import { UpgradeDialog } from './UpgradeDialog';

/** `pool-N` for the first N no pool of the cluster has. */
const freePoolName = (cluster: ClusterDetails) => {
  const taken = new Set(cluster.pools.map(p => p.name));
  let n = cluster.pools.length + 1;
  while (taken.has(`pool-${n}`)) n += 1;
  return `pool-${n}`;
};

/**
 * The dialog of the action the user chose, which calls palette-backend and
 * hands the cluster it returns to `onDone`.
 */
export const ClusterDialogs = ({
  cluster,
  action,
  onClose,
  onDone,
}: {
  cluster: ClusterDetails;
  action?: ClusterAction;
  onClose: () => void;
  onDone: (cluster: ClusterDetails) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const { name } = cluster;
  const done = (message: string) => (details: ClusterDetails) => {
    alertApi.post({ message, severity: 'success', display: 'transient' });
    onDone(details);
  };

  switch (action?.type) {
    case 'upgrade':
      return (
        <UpgradeDialog
          cluster={cluster}
          previewFirst={action.preview}
          onClose={onClose}
          onUpgrade={request =>
            paletteApi
              .upgradeCluster(name, request)
              .then(done(`Upgrading ${name}`))
          }
        />
      );
    case 'scale': {
      const pool = cluster.pools.find(p => p.name === action.pool);
      if (!pool) return null;
      return (
        <PoolDialog
          title={`Scale pool ${pool.name}`}
          description={`${pool.instanceType} nodes, ${plural(
            pool.count,
            'node',
          )} now. Autoscaling lets the cluster autoscaler move the count between the bounds.`}
          initial={toPoolForm(pool)}
          submitLabel="Scale"
          onClose={onClose}
          onSubmit={form => {
            const wanted = toWorkerPool(form);
            return paletteApi
              .updateClusterPool(name, pool.name, {
                count: wanted.count,
                autoscaling: wanted.autoscaling ?? null,
              })
              .then(done(`Scaling ${pool.name} of ${name}`));
          }}
        />
      );
    }
    case 'addPool':
      return (
        <PoolDialog
          title="Add a worker pool"
          description={`A new set of worker nodes for ${name}, created by Cluster API.`}
          initial={newPool(cluster.pools.length, {
            name: freePoolName(cluster),
            instanceType: cluster.pools[0]?.instanceType ?? '',
          })}
          existing={cluster.pools.map(p => p.name)}
          submitLabel="Add pool"
          onClose={onClose}
          onSubmit={form =>
            paletteApi
              .addClusterPool(name, toWorkerPool(form))
              .then(done(`Adding pool ${form.name.trim()} to ${name}`))
          }
        />
      );
    case 'removePool':
      return (
        <ConfirmDialog
          open
          title={`Remove pool ${action.pool}?`}
          confirmLabel="Remove pool"
          onClose={onClose}
          onConfirm={() =>
            paletteApi
              .removeClusterPool(name, action.pool)
              .then(done(`Removing pool ${action.pool} from ${name}`))
          }
        >
          <Typography>
            Its nodes are drained and deleted; workloads move to the other pools
            if they fit.
          </Typography>
        </ConfirmDialog>
      );
    case 'pause':
      return (
        <ConfirmDialog
          open
          title={`Pause ${name}?`}
          confirmLabel="Pause"
          onClose={onClose}
          onConfirm={() =>
            paletteApi.pauseCluster(name).then(done(`Paused ${name}`))
          }
        >
          <Typography>
            Cluster API stops reconciling the cluster: no upgrades, scaling or
            repairs of failed machines until it is resumed. The cluster keeps
            running.
          </Typography>
        </ConfirmDialog>
      );
    case 'delete':
      return (
        <DeleteClusterDialog
          cluster={cluster}
          force={action.force}
          onClose={onClose}
          onDelete={() =>
            paletteApi
              .deleteCluster(name, { force: action.force })
              .then(
                done(`${cluster.imported ? 'Detaching' : 'Deleting'} ${name}`),
              )
          }
        />
      );
    case 'addOns':
      return (
        <ManagedAddOnsDialog
          cluster={cluster}
          onClose={onClose}
          onSave={addOnProfiles =>
            paletteApi
              .upgradeCluster(name, { addOnProfiles })
              .then(done(`Changing the add-ons of ${name}`))
          }
        />
      );
    case 'generateProfile':
      return <GenerateProfileDialog cluster={name} onClose={onClose} />;
    default:
      return null;
  }
};
