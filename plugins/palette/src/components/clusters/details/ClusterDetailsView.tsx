import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useClusterPermissions } from '../../../hooks';
import { clustersRouteRef } from '../../../routes';
import { ApprovalBanner } from '../../governance/approvals/ApprovalBanner';
import { InventoryCard } from '../../imports';
import { ClusterDialogs } from '../actions';
import { applicableChanges } from '../utils';
import { ClusterAction } from './actionTypes';
import { ClusterActions } from './ClusterActions';
import { ConditionsCard } from './ConditionsCard';
import { DriftCard } from './DriftCard';
import { EventTimeline } from './EventTimeline';
import { LifecycleHeader } from './LifecycleHeader';
import { MaintenanceWindowCard } from './MaintenanceWindowCard';
import { NodePoolsCard } from './NodePoolsCard';
import { ProfileCard } from './ProfileCard';
import { useClusterLive } from './useClusterLive';

/**
 * One cluster, live: lifecycle, nodes, profile, conditions, drift and
 * events, with the actions the signed-in user may take. Imported clusters
 * show their discovered inventory in place of node pools, and drift only
 * when Palette applies something to them (managed mode).
 */
export const ClusterDetailsView = ({ name }: { name: string }) => {
  const { cluster: live, events, apply } = useClusterLive(name);
  const permissions = useClusterPermissions(name);
  const clustersLink = useRouteRef(clustersRouteRef);
  const [action, setAction] = useState<ClusterAction>();
  const cluster = live.value;

  if (!cluster) {
    if (!live.error) return <Progress />;
    if (ResponseError.is(live.error) && live.error.statusCode === 404)
      return (
        <EmptyState
          missing="content"
          title={`Palette has no cluster named ${name}`}
          description="It may have been deleted and forgotten, or it was not created through Palette. The fleet lists every cluster Palette manages."
          action={
            <Button
              variant="contained"
              color="primary"
              component={RouterLink}
              to={clustersLink()}
            >
              All clusters
            </Button>
          }
        />
      );
    return <ResponseErrorPanel error={live.error} />;
  }

  return (
    <Grid container spacing={3}>
      {live.error && (
        <Grid item xs={12}>
          <ResponseErrorPanel
            error={live.error}
            title="Refreshing the cluster failed; showing what was last loaded"
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <LifecycleHeader
          cluster={cluster}
          actions={
            <ClusterActions
              cluster={cluster}
              permissions={permissions}
              onAction={setAction}
              onDone={apply}
            />
          }
        >
          <ApprovalBanner cluster={cluster} onDecided={apply} />
        </LifecycleHeader>
      </Grid>
      {cluster.imported ? (
        <Grid item xs={12}>
          <InventoryCard cluster={cluster} canUpdate={permissions.canUpdate} />
        </Grid>
      ) : (
        <Grid item xs={12} lg={7}>
          <NodePoolsCard
            cluster={cluster}
            canUpdate={permissions.canUpdate}
            onAction={setAction}
          />
        </Grid>
      )}
      <Grid item xs={12} lg={5}>
        <ProfileCard
          cluster={cluster}
          canUpdate={permissions.canUpdate}
          onAction={setAction}
        />
      </Grid>
      <Grid item xs={12} lg={7}>
        <ConditionsCard
          conditions={cluster.conditions}
          imported={!!cluster.imported}
        />
      </Grid>
      {applicableChanges(cluster).addOns && (
        <Grid item xs={12} lg={5}>
          <DriftCard drift={cluster.drift} />
        </Grid>
      )}
      {cluster.profile && (
        <Grid item xs={12} lg={5}>
          <MaintenanceWindowCard
            name={cluster.name}
            canUpdate={permissions.canUpdate}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <EventTimeline events={events.value} error={events.error} />
      </Grid>
      <ClusterDialogs
        cluster={cluster}
        action={action}
        onClose={() => setAction(undefined)}
        onDone={apply}
      />
    </Grid>
  );
};
