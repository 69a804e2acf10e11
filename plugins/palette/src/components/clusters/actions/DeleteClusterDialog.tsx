import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { ReactNode, useState } from 'react';
import { ConfirmDialog } from '../../shared';
import { formatAge } from '../utils';

/**
 * Deletes a cluster once its name is typed (detaches an imported one, which
 * leaves the cluster itself alone). `force` forgets the objects
 * Cluster API has not removed; palette-backend allows it only once deletion
 * has been stuck for a while, and says so when it refuses.
 */
export const DeleteClusterDialog = ({
  cluster,
  force,
  onDelete,
  onClose,
}: {
  cluster: ClusterDetails;
  force: boolean;
  onDelete: () => Promise<void>;
  onClose: () => void;
}) => {
  const [typed, setTyped] = useState('');
  let wording: { title: string; label: string; text: ReactNode } = {
    title: `Delete ${cluster.name}?`,
    label: 'Delete',
    text: 'Cluster API tears down the control plane, every worker pool and their cloud resources. Workloads and data on the cluster are lost. This cannot be undone.',
  };
  if (force)
    wording = {
      title: `Force delete ${cluster.name}?`,
      label: 'Force delete',
      text: (
        <>
          Deletion was requested{' '}
          {cluster.deletionRequestedAt
            ? formatAge(cluster.deletionRequestedAt)
            : 'a while ago'}{' '}
          and has not finished. Force delete clears the finalizers and forgets
          the cluster&apos;s objects: cloud resources Cluster API has not
          removed yet (machines, load balancers, disks) may be left behind and
          must be cleaned up by hand.
        </>
      ),
    };
  else if (cluster.imported)
    wording = {
      title: `Detach ${cluster.name}?`,
      label: 'Detach',
      text: `Palette forgets the cluster: its stored kubeconfig Secret, its inventory and its catalog entry are removed${
        cluster.imported.mode === 'managed'
          ? ', and its add-on profiles are no longer kept in sync (what they installed stays)'
          : ''
      }. The cluster itself is not touched: its nodes and workloads keep running, and it can be imported again.`,
    };
  else if (cluster.phase === 'PendingApproval')
    wording = {
      title: `Withdraw the request for ${cluster.name}?`,
      label: 'Withdraw request',
      text: 'The request still waits for an approval, so nothing exists on the management cluster yet: withdrawing it only forgets the request, and approvers no longer see it.',
    };
  return (
    <ConfirmDialog
      open
      title={wording.title}
      confirmLabel={wording.label}
      onClose={onClose}
      onConfirm={async () => {
        if (typed.trim() !== cluster.name)
          throw new Error(`Type ${cluster.name} to confirm.`);
        await onDelete();
      }}
    >
      <Typography paragraph>{wording.text}</Typography>
      <TextField
        id="delete-cluster-confirm"
        label="Type the cluster name to confirm"
        placeholder={cluster.name}
        value={typed}
        onChange={e => setTyped(e.target.value)}
        autoComplete="off"
        fullWidth
        variant="outlined"
        margin="dense"
      />
    </ConfirmDialog>
  );
};
