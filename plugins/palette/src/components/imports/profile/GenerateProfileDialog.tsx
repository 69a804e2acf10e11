import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  createProfileRequestSchema,
  GeneratedProfileResult,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { paletteApiRef } from '../../../api/PaletteApi';
import { profileRouteRef } from '../../../routes';
import { fieldMessagesOf, helperTextOf } from '../../clusters/utils';
import { errorMessage } from '../../profiles/utils';
import { DialogProgressActions, useBusyAction } from '../../shared';
import { GeneratedLayersTable } from './GeneratedLayersTable';

const TITLE_ID = 'generate-profile-title';

/** Why a typed profile name cannot be used; nothing when it is empty or fine. */
function nameProblem(name: string): string | undefined {
  if (!name.trim()) return undefined;
  const parsed = createProfileRequestSchema.shape.name.safeParse(name.trim());
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/** What the server said about the name: taken (409), or not valid (400). */
function serverNameMessages(error: unknown): ValidationMessage[] {
  if (ResponseError.is(error) && error.statusCode === 409)
    return [
      {
        severity: 'error',
        code: 'conflict',
        field: 'name',
        message: errorMessage(error),
      },
    ];
  return fieldMessagesOf(error).filter(m => m.field === 'name');
}

/** What was generated, and the way to the draft. */
const GeneratedProfile = ({
  result,
  onClose,
}: {
  result: GeneratedProfileResult;
  onClose: () => void;
}) => {
  const profileLink = useRouteRef(profileRouteRef);
  const custom = result.layers.filter(l => l.mappedTo === 'custom').length;
  return (
    <>
      <DialogContent dividers>
        <Alert severity="success" role="status">
          Created the draft of profile {result.profile.name} (
          {result.profile.version}) with {result.layers.length} layers
          {custom ? `, ${custom} of them from new custom packs` : ''}. Nothing
          is published: review the draft, then publish it.
        </Alert>
        <GeneratedLayersTable layers={result.layers} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button
          color="primary"
          variant="contained"
          component={RouterLink}
          to={profileLink({ name: result.profile.name })}
        >
          Review the draft profile
        </Button>
      </DialogActions>
    </>
  );
};

/**
 * Creates a draft profile equivalent to an imported cluster: its discovered
 * OS, Kubernetes, CNI, CSI and add-ons as layers, mapped to registry packs
 * where they match and to new custom packs where they do not.
 */
export const GenerateProfileDialog = ({
  cluster,
  onClose,
}: {
  cluster: string;
  onClose: () => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const [name, setName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [refused, setRefused] = useState<unknown>();
  const [result, setResult] = useState<GeneratedProfileResult>();
  const { busy, failure, run } = useBusyAction();

  const problem = submitted ? nameProblem(name) : undefined;
  const refusedName = serverNameMessages(refused);
  const nameMessages: ValidationMessage[] = problem
    ? [{ severity: 'error', code: 'form', field: 'name', message: problem }]
    : refusedName;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (nameProblem(name)) return;
    run(
      () =>
        paletteApi.generateProfileFromCluster(
          cluster,
          name.trim() || undefined,
        ),
      setResult,
      setRefused,
    );
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby={TITLE_ID}
    >
      <DialogTitle id={TITLE_ID}>Create a profile from {cluster}</DialogTitle>
      {result ? (
        <GeneratedProfile result={result} onClose={onClose} />
      ) : (
        <form onSubmit={submit} noValidate aria-label="Create profile">
          <DialogContent dividers>
            <Typography paragraph>
              Palette builds a draft profile from what discovery found: the OS,
              Kubernetes, network and storage layers and the Helm add-ons,
              mapped to registry packs where they match and to new custom packs
              where they do not. The platform team reviews and publishes it.
            </Typography>
            <TextField
              id="generate-profile-name"
              label="Profile name"
              value={name}
              disabled={busy}
              onChange={e => {
                setName(e.target.value);
                setRefused(undefined);
              }}
              {...helperTextOf(
                nameMessages,
                `Optional: Palette names it after ${cluster} when empty`,
              )}
              fullWidth
              margin="dense"
              variant="outlined"
            />
            {failure && !refusedName.length && (
              <Alert severity="error" role="alert">
                {failure}
              </Alert>
            )}
          </DialogContent>
          <DialogProgressActions
            busy={busy}
            progressLabel="Creating the profile"
            onCancel={onClose}
            actionLabel={busy ? 'Creating…' : 'Create draft profile'}
          />
        </form>
      )}
    </Dialog>
  );
};
