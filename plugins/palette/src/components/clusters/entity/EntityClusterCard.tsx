import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { ResponseError } from '@backstage/errors';
import Alert from '@material-ui/lab/Alert';
import { makeStyles } from '@material-ui/core/styles';
import { errorMessage } from '../../profiles/utils';
import { DriftChip, NodesBar, UpdateAvailableChip } from '../ClusterChips';
import { LifecycleProgress, PhaseLine, useClusterLive } from '../details';
import { profileRefText } from '../utils';
import { clusterNameOf } from './clusterEntity';

const useStyles = makeStyles(theme => ({
  spaced: { marginTop: theme.spacing(1) },
}));

/**
 * A cluster's lifecycle at a glance, for the entity's overview: phase,
 * progress, nodes, versions, and whether an update is available.
 */
export const EntityClusterCard = () => {
  const classes = useStyles();
  const { entity } = useEntity();
  const name = clusterNameOf(entity);
  const { cluster: live } = useClusterLive(name);
  const cluster = live.value;

  let body;
  if (cluster) {
    body = (
      <>
        <PhaseLine cluster={cluster} />
        {cluster.message && (
          <Typography variant="body2" className={classes.spaced}>
            {cluster.message}
          </Typography>
        )}
        <LifecycleProgress cluster={cluster} />
        {cluster.lastError && (
          <Alert severity="error" className={classes.spaced}>
            {cluster.lastError.reason}: {cluster.lastError.message}
          </Alert>
        )}
        <StructuredMetadataTable
          options={{ titleFormat: (key: string) => key }}
          metadata={{
            Nodes: (
              <NodesBar
                ready={cluster.nodes.ready}
                desired={cluster.nodes.desired}
              />
            ),
            Kubernetes: cluster.kubernetesVersion ?? '—',
            Profile: (
              <>
                {profileRefText(cluster.profile)}{' '}
                {cluster.updateAvailable && (
                  <UpdateAvailableChip version={cluster.updateAvailable} />
                )}{' '}
                {cluster.drifted && <DriftChip />}
              </>
            ),
          }}
        />
      </>
    );
  } else if (live.error) {
    body =
      ResponseError.is(live.error) && live.error.statusCode === 404 ? (
        <Typography color="textSecondary">
          Palette has no cluster named {name}.
        </Typography>
      ) : (
        <Alert severity="error">{errorMessage(live.error)}</Alert>
      );
  } else {
    body = <Progress />;
  }
  return <InfoCard title="Cluster lifecycle">{body}</InfoCard>;
};
