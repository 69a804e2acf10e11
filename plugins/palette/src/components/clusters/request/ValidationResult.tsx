import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterDryRunResponse,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { MessageList } from '../../profiles/DraftEditor/MessageList';
import { humanizeOwner, summarizeMessages } from '../../profiles/utils';
import { formatCost } from '../../governance/format';
import { CostEstimateView } from '../../scaffolder/CostEstimateView';
import { plural } from '../utils';
import { ManifestsView } from './ManifestsView';

const useStyles = makeStyles(theme => ({
  result: { marginTop: theme.spacing(2) },
  governance: { marginTop: theme.spacing(1) },
}));

/**
 * What governance said about a validated request: the team's usage with
 * it (priced by the cost model), and who must approve it first. Its
 * violations are among the messages, next to their fields.
 */
export const GovernanceSummary = ({
  governance,
}: {
  governance: NonNullable<ClusterDryRunResponse['governance']>;
}) => {
  const classes = useStyles();
  const { usageAfter, approval } = governance;
  return (
    <Alert
      severity={approval ? 'warning' : 'info'}
      className={classes.governance}
      aria-label="Governance"
    >
      With this request, the team runs {plural(usageAfter.clusters, 'cluster')}{' '}
      with {plural(usageAfter.nodes, 'node')} and {usageAfter.vcpus} vCPUs for
      about {formatCost(usageAfter.monthlyCost)} a month.
      {approval &&
        ` Needs approval by ${humanizeOwner(
          approval.approverGroup,
        )}: the cluster waits in PendingApproval until a member approves it.`}
    </Alert>
  );
};

/**
 * What the last Validate found (whether the request is valid, messages no
 * field shows, the rendered manifests) and why the last call failed.
 */
export const ValidationResult = ({
  result,
  stale,
  general,
  failure,
}: {
  result?: ClusterDryRunResponse;
  /** The form changed since it was validated. */
  stale: boolean;
  /** Messages about no field of the form. */
  general: ValidationMessage[];
  failure?: string;
}) => {
  const classes = useStyles();
  return (
    <div className={classes.result} aria-live="polite">
      {result && (
        <Alert severity={result.valid ? 'success' : 'error'} role="status">
          {result.valid
            ? `Valid: ${plural(
                result.manifests.length,
                'object',
              )} would be applied (${summarizeMessages(result.messages)}).`
            : `Not valid: ${summarizeMessages(
                result.messages,
              )}. The problems are marked next to their fields.`}
          {stale && ' The form changed since; validate again.'}
        </Alert>
      )}
      {result?.costEstimate && (
        <CostEstimateView estimate={result.costEstimate} loading={false} />
      )}
      {result?.governance && (
        <GovernanceSummary governance={result.governance} />
      )}
      <MessageList
        messages={general.map(message => ({ message }))}
        label="Other messages"
      />
      {failure && (
        <Alert severity="error" role="alert">
          {failure}
        </Alert>
      )}
      {result && result.manifests.length > 0 && (
        <ManifestsView manifests={result.manifests} />
      )}
    </div>
  );
};
