import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  PublishRequest,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useEffect, useMemo, useState } from 'react';
import { DialogProgressActions } from '../../shared';
import { MessageList } from '../DraftEditor/MessageList';
import {
  errorMessage,
  explainNextVersion,
  suggestNextVersions,
  validationMessagesOf,
} from '../utils';

type Bump = 'patch' | 'minor' | 'major';
const BUMPS: Array<{ bump: Bump; label: string; help: string }> = [
  { bump: 'patch', label: 'Patch', help: 'fixes, pack patch updates' },
  { bump: 'minor', label: 'Minor', help: 'new packs or pack versions' },
  { bump: 'major', label: 'Major', help: 'changes clusters must plan for' },
];

/**
 * Publishes the draft as a new version: the version (suggested as the next
 * patch, minor or major) and a required change note. Stays open and shows
 * the server's errors when publishing fails.
 */
export const PublishDialog = ({
  open,
  profileName,
  previousVersion,
  unsavedChanges,
  onPublish,
  onClose,
}: {
  open: boolean;
  profileName: string;
  /** The highest published version, if any. */
  previousVersion?: string;
  /** Whether the draft is saved before publishing. */
  unsavedChanges?: boolean;
  onPublish: (request: PublishRequest) => Promise<void>;
  onClose: () => void;
}) => {
  const suggestions = useMemo(
    () => suggestNextVersions(previousVersion),
    [previousVersion],
  );
  const [version, setVersion] = useState(suggestions.patch);
  const [changeNote, setChangeNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{
    message: string;
    messages: ValidationMessage[];
  }>();

  useEffect(() => {
    if (open) {
      setVersion(suggestions.patch);
      setChangeNote('');
      setSubmitted(false);
      setError(undefined);
    }
  }, [open, suggestions]);

  const versionProblem = explainNextVersion(previousVersion, version.trim());
  const noteProblem = changeNote.trim()
    ? undefined
    : 'A change note is required';
  const bump = BUMPS.find(b => suggestions[b.bump] === version.trim())?.bump;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (versionProblem || noteProblem) return;
    setBusy(true);
    setError(undefined);
    try {
      await onPublish({
        version: version.trim(),
        changeNote: changeNote.trim(),
      });
      setBusy(false);
      onClose();
    } catch (e) {
      setBusy(false);
      setError({ message: errorMessage(e), messages: validationMessagesOf(e) });
    }
  };

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="publish-title"
    >
      <form onSubmit={submit} noValidate aria-label="Publish version">
        <DialogTitle id="publish-title">Publish {profileName}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {previousVersion
              ? `The latest version is ${previousVersion}. `
              : 'This is the first version of the profile. '}
            A published version cannot change; clusters are created from and
            upgraded to published versions.
            {unsavedChanges && ' Your unsaved changes are saved first.'}
          </DialogContentText>
          <FormControl component="fieldset" margin="dense" disabled={busy}>
            <FormLabel component="legend">Suggested versions</FormLabel>
            <RadioGroup
              row
              value={bump ?? ''}
              onChange={e => setVersion(suggestions[e.target.value as Bump])}
            >
              {BUMPS.map(b => (
                <FormControlLabel
                  key={b.bump}
                  value={b.bump}
                  control={<Radio color="primary" />}
                  label={`${b.label} ${suggestions[b.bump]}`}
                  title={b.help}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            id="publish-version"
            label="Version"
            value={version}
            onChange={e => setVersion(e.target.value)}
            error={!!versionProblem}
            helperText={versionProblem ?? 'Semantic version: MAJOR.MINOR.PATCH'}
            required
            fullWidth
            margin="dense"
            variant="outlined"
            disabled={busy}
          />
          <TextField
            id="publish-change-note"
            label="Change note"
            value={changeNote}
            onChange={e => setChangeNote(e.target.value)}
            error={submitted && !!noteProblem}
            helperText={
              submitted && noteProblem
                ? noteProblem
                : 'What changed and why; shown to cluster owners before they upgrade'
            }
            required
            multiline
            minRows={3}
            fullWidth
            margin="dense"
            variant="outlined"
            disabled={busy}
          />
          {error && (
            <Alert severity="error" role="alert">
              <div style={{ whiteSpace: 'pre-wrap' }}>{error.message}</div>
              <MessageList
                label="Problems that block publishing"
                messages={error.messages.map(message => ({ message }))}
              />
            </Alert>
          )}
        </DialogContent>
        <DialogProgressActions
          busy={busy}
          onCancel={onClose}
          actionLabel={busy ? `Publishing ${version.trim()}…` : 'Publish'}
        />
      </form>
    </Dialog>
  );
};
