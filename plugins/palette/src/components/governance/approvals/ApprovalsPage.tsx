import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  ApprovalState,
  approvalStateSchema,
  ClusterApproval,
  ClusterDetails,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { paletteApiRef } from '../../../api/PaletteApi';
import { usePolledValue } from '../../../hooks';
import { clusterRouteRef, governanceRouteRef } from '../../../routes';
import { SelectField } from '../../shared';
import { ApprovalsTable } from './ApprovalsTable';
import { Decision } from './DecideApprovalDialog';

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
    maxWidth: 480,
  },
  result: { marginBottom: theme.spacing(2) },
}));

/** How often the lists are asked for again: approvals move slowly. */
export const APPROVALS_POLL_MS = 30_000;

/** How many requests the full list shows at most. */
export const APPROVAL_LIMITS = [50, 100, 500];

/** The outcome of the last decision the user made on this page. */
interface Outcome {
  cluster: ClusterDetails;
  decision: Decision;
}

/** Loads an approvals list, polling slowly. */
function useApprovals(state: ApprovalState | '', mine: boolean, limit: number) {
  const paletteApi = useApi(paletteApiRef);
  return usePolledValue<ClusterApproval[]>(
    () =>
      paletteApi
        .listApprovals({
          state: state || undefined,
          ...(mine ? { mine: true } : {}),
          limit,
        })
        .then(r => r.items),
    [paletteApi, state, mine, limit],
    () => APPROVALS_POLL_MS,
  );
}

/**
 * Cluster requests that need an approval: first those waiting for the
 * signed-in user's decision, then every request by state, with Approve and
 * Reject where the user may decide.
 */
export const ApprovalsPage = () => {
  const classes = useStyles();
  const clusterLink = useRouteRef(clusterRouteRef);
  const governanceLink = useRouteRef(governanceRouteRef);
  const [state, setState] = useState<ApprovalState | ''>('Pending');
  const [limit, setLimit] = useState(APPROVAL_LIMITS[1]);
  const [outcome, setOutcome] = useState<Outcome>();
  const mine = useApprovals('Pending', true, 100);
  const all = useApprovals(state, false, limit);

  const decided = (cluster: ClusterDetails, decision: Decision) => {
    setOutcome({ cluster, decision });
    mine.refresh();
    all.refresh();
  };

  const list = (
    polled: typeof mine,
    label: string,
    empty: JSX.Element,
    showState: boolean,
  ) => {
    if (!polled.value)
      return polled.error ? (
        <ResponseErrorPanel error={polled.error} />
      ) : (
        <Progress aria-label={`Loading ${label.toLocaleLowerCase('en-US')}`} />
      );
    return (
      <>
        {polled.error && (
          <ResponseErrorPanel
            error={polled.error}
            title="Refreshing failed; showing what was last loaded"
          />
        )}
        {polled.value.length === 0 ? (
          empty
        ) : (
          <ApprovalsTable
            label={label}
            items={polled.value}
            showState={showState}
            onDecided={decided}
          />
        )}
      </>
    );
  };

  return (
    <>
      <ContentHeader
        title="Approvals"
        description="Cluster requests that a governance policy sends for approval"
      >
        <SupportButton>
          Where a governance policy requires approval, a cluster request waits
          in PendingApproval until a member of the policy&apos;s approver group
          approves or rejects it. Nothing is created before that, and nobody
          decides on their own request.
        </SupportButton>
      </ContentHeader>
      {outcome && (
        <Alert
          severity={outcome.decision === 'approve' ? 'success' : 'info'}
          className={classes.result}
          role="status"
          onClose={() => setOutcome(undefined)}
        >
          {outcome.decision === 'approve'
            ? `You approved ${outcome.cluster.name}; it is now ${outcome.cluster.phase} and Palette provisions it. `
            : `You rejected ${outcome.cluster.name}; it is now ${outcome.cluster.phase} and nothing was created. `}
          <Link to={clusterLink({ name: outcome.cluster.name })}>
            Open {outcome.cluster.name}
          </Link>
        </Alert>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title="Waiting for your decision"
            subheader="Pending requests you may approve or reject"
          >
            {list(
              mine,
              'Waiting for your decision',
              <Typography color="textSecondary">
                Nothing is waiting for your decision. Requests that a policy
                sends to a group you belong to appear here; you are told in the
                list below when someone else must decide.
              </Typography>,
              false,
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="All requests"
            subheader="Every request that needs or needed an approval, newest first"
          >
            <div className={classes.filters}>
              <SelectField
                id="approvals-state"
                label="State"
                value={state}
                onChange={e => setState(e.target.value as ApprovalState | '')}
                emptyLabel="Any state"
                options={approvalStateSchema.options}
              />
              <SelectField
                id="approvals-limit"
                label="Show at most"
                value={String(limit)}
                onChange={e => setLimit(Number(e.target.value))}
                options={APPROVAL_LIMITS.map(String)}
              />
            </div>
            {list(
              all,
              'All requests',
              state ? (
                <Typography color="textSecondary">
                  No request is {state.toLocaleLowerCase('en-US')}.{' '}
                  <Button color="primary" onClick={() => setState('')}>
                    Show every state
                  </Button>
                </Typography>
              ) : (
                <EmptyState
                  missing="data"
                  title="No request has needed an approval yet"
                  description="Requests need one where a governance policy requires approval for their project and environment. The Governance tab lists the policies and who approves."
                  action={
                    <Button
                      variant="contained"
                      color="primary"
                      component={RouterLink}
                      to={governanceLink()}
                    >
                      Governance policies
                    </Button>
                  }
                />
              ),
              true,
            )}
            {all.value && all.value.length >= limit && (
              <Typography variant="caption" color="textSecondary">
                Showing the newest {limit}; narrow the state to see older ones.
              </Typography>
            )}
          </InfoCard>
        </Grid>
      </Grid>
    </>
  );
};
