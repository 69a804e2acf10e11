import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { ProfileDetails } from '@palette-backstage/plugin-palette-common';
import { ChangeEvent, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { useDefaultOwner } from '../../../hooks';
import { DialogProgressActions } from '../../shared';
import { errorMessage, normalizeOwnerRef } from '../utils';

/** Imports a `ClusterProfile` YAML document, pasted or read from a file. */
export const ImportProfileDialog = ({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (profile: ProfileDetails) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [yaml, setYaml] = useState('');
  const [owner, setOwner] = useState('');
  const [submitted, setSubmitted] = useState(false);
  useDefaultOwner(open, group => setOwner(o => o || group));
  const ownerRef = normalizeOwnerRef(owner);
  let ownerProblem: string | undefined;
  if (!owner.trim()) ownerProblem = 'An owning group is required';
  else if (!ownerRef)
    ownerProblem = 'Must be a group such as platform-team or group:default/x';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const close = () => {
    if (busy) return;
    setYaml('');
    setSubmitted(false);
    setError(undefined);
    onClose();
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setYaml(await file.text());
  };

  const submit = async () => {
    setSubmitted(true);
    if (!ownerRef) return;
    setBusy(true);
    setError(undefined);
    try {
      const profile = await paletteApi.importProfile(yaml, { owner: ownerRef });
      alertApi.post({
        message: `Imported profile ${profile.name}`,
        severity: 'success',
        display: 'transient',
      });
      setBusy(false);
      setYaml('');
      onImported(profile);
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      maxWidth="md"
      fullWidth
      aria-labelledby="import-profile-title"
    >
      <DialogTitle id="import-profile-title">
        Import a cluster profile
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Paste a ClusterProfile document exported from Palette, or choose a
          YAML file. It becomes a new profile with the document's layers and
          variables as its draft; its name must not be taken yet.
        </DialogContentText>
        <Button variant="outlined" component="label" disabled={busy}>
          Choose file…
          <input
            hidden
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            aria-label="YAML file"
            onChange={readFile}
          />
        </Button>
        <TextField
          id="import-profile-owner"
          label="Owner group"
          value={owner}
          onChange={e => setOwner(e.target.value)}
          error={submitted && !!ownerProblem}
          helperText={
            (submitted && ownerProblem) ||
            'The group that maintains it, e.g. platform-team'
          }
          required
          fullWidth
          margin="normal"
          variant="outlined"
          disabled={busy}
        />
        <TextField
          id="import-profile-yaml"
          label="ClusterProfile YAML"
          value={yaml}
          onChange={e => setYaml(e.target.value)}
          multiline
          minRows={12}
          fullWidth
          margin="normal"
          variant="outlined"
          disabled={busy}
          inputProps={{ spellCheck: false, style: { fontFamily: 'monospace' } }}
        />
        {error && (
          <Alert
            severity="error"
            role="alert"
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogProgressActions
        busy={busy}
        onCancel={close}
        actionLabel={busy ? 'Importing…' : 'Import'}
        onAction={submit}
        actionDisabled={!yaml.trim()}
      />
    </Dialog>
  );
};
