import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterDryRunResponse,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { MessageList } from '../../profiles/DraftEditor/MessageList';
import { summarizeMessages } from '../../profiles/utils';
import { plural } from '../utils';
import { ManifestsView } from './ManifestsView';

const useStyles = makeStyles(theme => ({
  result: { marginTop: theme.spacing(2) },
}));

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
