import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { paletteApiRef } from '../../../api/PaletteApi';
import { usePolledValue } from '../../../hooks';
import { rolloutsRouteRef } from '../../../routes';
import { RolloutWaves } from '../RolloutWaves';
import { isRolloutActive } from '../status';
import { useCanManageRollouts } from '../useCanManageRollouts';
import { RolloutActions } from './RolloutActions';
import { RolloutSummary } from './RolloutSummary';

/** How often an active rollout is asked for again. */
export const ROLLOUT_POLL_MS = 3_000;

/**
 * One rollout (`/palette/rollouts/:id`): its status, why it halted, its
 * waves with each cluster's part, and what may be done next. Followed live
 * while it moves clusters.
 */
export const RolloutPage = () => {
  const { id = '' } = useParams();
  const paletteApi = useApi(paletteApiRef);
  const rolloutsLink = useRouteRef(rolloutsRouteRef);
  const { allowed: canManage } = useCanManageRollouts();
  const rollout = usePolledValue(
    () => paletteApi.getRollout(id),
    [paletteApi, id],
    r => (isRolloutActive(r) ? ROLLOUT_POLL_MS : undefined),
  );
  const { value, error, setValue, refresh } = rollout;

  const back = (
    <Button
      component={RouterLink}
      to={rolloutsLink()}
      startIcon={<ArrowBackIcon />}
    >
      All rollouts
    </Button>
  );

  let body;
  if (!value) {
    if (!error) body = <Progress />;
    else if (ResponseError.is(error) && error.statusCode === 404)
      body = (
        <EmptyState
          missing="content"
          title={`No rollout ${id}`}
          description="It may never have existed, or the link is wrong. The list of rollouts has every one, newest first."
          action={back}
        />
      );
    else body = <ResponseErrorPanel error={error} />;
  } else
    body = (
      <Grid container spacing={3}>
        {error && (
          <Grid item xs={12}>
            <ResponseErrorPanel
              error={error}
              title="Refreshing the rollout failed; showing what was last loaded"
            />
          </Grid>
        )}
        <Grid item xs={12}>
          <RolloutSummary
            rollout={value}
            actions={
              <RolloutActions
                rollout={value}
                canManage={canManage}
                onChanged={next => {
                  // Actions answer with the rollout; poll again for what follows.
                  if (next?.id) setValue(next);
                  refresh();
                }}
              />
            }
          />
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Waves">
            <RolloutWaves rollout={value} />
          </InfoCard>
        </Grid>
      </Grid>
    );

  return (
    <>
      <ContentHeader
        title={value ? `Rollout of ${value.profile}` : 'Rollout'}
        description={value ? `to ${value.targetVersion}` : undefined}
      >
        {back}
      </ContentHeader>
      {body}
    </>
  );
};
