import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterDetails,
  ProfileRef,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import {
  addOnsFor,
  AddOnProfilesFields,
  usePublishedProfiles,
} from '../../clusters/request';
import {
  fieldMessagesOf,
  groupMessagesByField,
  normalizeFieldPath,
  sameProfileRefs,
} from '../../clusters/utils';
import { errorMessage } from '../../profiles/utils';
import { FormDialog, useBusyAction } from '../../shared';

/**
 * Changes the add-on profiles of a managed import: the only change Palette
 * makes to a cluster it did not build. What is removed is no longer kept in
 * sync; Palette applies what is added.
 */
export const ManagedAddOnsDialog = ({
  cluster,
  onSave,
  onClose,
}: {
  cluster: ClusterDetails;
  onSave: (addOnProfiles: ProfileRef[]) => Promise<void>;
  onClose: () => void;
}) => {
  const [addOns, setAddOns] = useState(cluster.addOnProfiles);
  const [refused, setRefused] = useState<unknown>();
  const { busy, failure, run } = useBusyAction();
  const published = usePublishedProfiles(true);
  const { byField, general } = groupMessagesByField(
    fieldMessagesOf(refused),
    field => field.startsWith('addOnProfiles'),
  );
  const unchanged = sameProfileRefs(addOns, cluster.addOnProfiles);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unchanged) return;
    run(() => onSave(addOns), onClose, setRefused);
  };

  return (
    <FormDialog
      onClose={onClose}
      busy={busy}
      titleId="managed-addons-title"
      title={`Add-ons of ${cluster.name}`}
      formLabel="Change add-ons"
      onSubmit={submit}
      failure={general.length ? undefined : failure}
      progressLabel="Changing the add-ons"
      actionLabel={busy ? 'Saving…' : 'Save'}
      actionDisabled={unchanged}
    >
      <Typography paragraph>
        Palette applies these add-on profiles to the imported cluster and keeps
        them in sync. A removed add-on is no longer kept in sync; what it
        installed stays on the cluster.
      </Typography>
      {published.loading && (
        <LinearProgress aria-label="Loading add-on profiles" />
      )}
      {published.error && (
        <Alert severity="error">
          Could not load the add-on profiles: {errorMessage(published.error)}
        </Alert>
      )}
      <AddOnProfilesFields
        idPrefix="managed-addons"
        available={addOnsFor(published.addOns, cluster.provider)}
        addOns={addOns}
        onChange={next => {
          setAddOns(next);
          setRefused(undefined);
        }}
        messagesOf={field => byField.get(normalizeFieldPath(field))}
        disabled={busy}
      />
      {general.length > 0 && (
        <Alert severity="error" role="alert">
          {general.map(m => m.message).join('; ')}
        </Alert>
      )}
    </FormDialog>
  );
};
