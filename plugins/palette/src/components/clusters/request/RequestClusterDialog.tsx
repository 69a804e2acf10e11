import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterDetails,
  ClusterDryRunResponse,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useEffect, useMemo, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { useDefaultOwner } from '../../../hooks';
import { errorMessage } from '../../profiles/utils';
import { FormDialog, FormSection as Section } from '../../shared';
import {
  fieldMessagesOf,
  groupMessagesByField,
  helperTextOf,
  normalizeFieldPath,
  plural,
} from '../utils';
import { OwnershipFields } from './OwnershipFields';
import { ValidationResult } from './ValidationResult';
import { accountsFor, PlacementFields } from './PlacementFields';
import { AddOnProfilesFields, BaseProfileFields } from './ProfileFields';
import { isRequestFieldShown } from './requestFields';
import {
  emptyRequestForm,
  RequestForm,
  toClusterRequest,
  validateRequestForm,
  withVariableDefaults,
} from './requestForm';
import {
  addOnsFor,
  useCloudAccounts,
  useProfileVariables,
  usePublishedProfiles,
} from './useRequestData';
import { VariableFields } from './VariableFields';
import { WorkerPoolsEditor } from './WorkerPoolFields';

/** The server's answer to the last Validate, and the form it was for. */
interface Validation {
  formKey: string;
  result: ClusterDryRunResponse;
}

/**
 * Requests a cluster: profile and add-ons at published versions, their
 * variables, cloud account and region, control plane and worker pools,
 * ownership. Validate renders it on the server without creating anything;
 * Request creates it.
 */
export const RequestClusterDialog = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (cluster: ClusterDetails) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [form, setForm] = useState<RequestForm>(emptyRequestForm);
  const [submitted, setSubmitted] = useState(false);
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>([]);
  const [validation, setValidation] = useState<Validation>();
  const [busy, setBusy] = useState<'validate' | 'create'>();
  const [failure, setFailure] = useState<string>();

  const profiles = usePublishedProfiles(open);
  const { accounts, error: accountsError } = useCloudAccounts(open);
  const base = profiles.bases.find(p => p.name === form.profile);
  const refs = useMemo(
    () => [{ name: form.profile, version: form.version }, ...form.addOns],
    [form.profile, form.version, form.addOns],
  );
  const {
    variables,
    loading: variablesLoading,
    error: variablesError,
  } = useProfileVariables(refs);

  useDefaultOwner(open, group =>
    setForm(f => (f.owner ? f : { ...f, owner: group })),
  );
  useEffect(() => {
    setForm(f => {
      const values = withVariableDefaults(f.variables, variables);
      return values === f.variables ? f : { ...f, variables: values };
    });
  }, [variables]);

  const clientMessages = useMemo(
    () => (submitted ? validateRequestForm(form, variables) : []),
    [submitted, form, variables],
  );
  const { general, messagesOf } = useMemo(
    () =>
      groupMessagesByField([...clientMessages, ...serverMessages], field =>
        isRequestFieldShown(field, variables),
      ),
    [clientMessages, serverMessages, variables],
  );

  /** Changes the form, and forgets what the server said about those fields. */
  const update = (patch: Partial<RequestForm>, ...fields: string[]) => {
    setForm(f => ({ ...f, ...patch }));
    setServerMessages(ms =>
      ms.filter(m => {
        const field = normalizeFieldPath(m.field);
        return !fields.some(f => field === f || field.startsWith(`${f}.`));
      }),
    );
  };

  const chooseProfile = (profile: string, version: string) => {
    const cloudType = profiles.bases.find(p => p.name === profile)?.cloudType;
    const fitting = accountsFor(accounts, cloudType);
    const keep = fitting.some(a => a.name === form.cloudAccount);
    const only = fitting.length === 1 ? fitting[0] : undefined;
    const fittingAddOns = addOnsFor(profiles.addOns, cloudType).map(
      a => a.name,
    );
    update(
      {
        profile,
        version,
        addOns: form.addOns.filter(a => fittingAddOns.includes(a.name)),
        ...(keep
          ? {}
          : {
              cloudAccount: only?.name ?? '',
              region: only?.regions.length === 1 ? only.regions[0] : '',
            }),
      },
      'profile',
      'cloudAccount',
      'region',
      'addOnProfiles',
    );
  };

  const close = () => {
    if (busy) return;
    setForm(emptyRequestForm());
    setSubmitted(false);
    setServerMessages([]);
    setValidation(undefined);
    setFailure(undefined);
    onClose();
  };

  /** Runs a server call; places what it refuses next to the fields. */
  const run = async (kind: 'validate' | 'create') => {
    setSubmitted(true);
    setFailure(undefined);
    const problems = validateRequestForm(form, variables);
    if (problems.some(p => p.severity === 'error')) {
      setFailure(
        `Fix ${plural(problems.length, 'problem')} before ${
          kind === 'validate' ? 'validating' : 'requesting'
        }.`,
      );
      return;
    }
    const request = toClusterRequest(form, variables);
    setBusy(kind);
    try {
      if (kind === 'validate') {
        const result = await paletteApi.dryRunCluster(request);
        setValidation({ formKey: JSON.stringify(form), result });
        setServerMessages(result.messages);
        setBusy(undefined);
      } else {
        const cluster = await paletteApi.createCluster(request);
        alertApi.post({
          message: `Requested cluster ${cluster.name}`,
          severity: 'success',
          display: 'transient',
        });
        setBusy(undefined);
        setForm(emptyRequestForm());
        setSubmitted(false);
        setServerMessages([]);
        setValidation(undefined);
        onCreated(cluster);
      }
    } catch (e) {
      setBusy(undefined);
      if (ResponseError.is(e) && e.statusCode === 409) {
        setServerMessages([
          {
            severity: 'error',
            code: 'conflict',
            field: 'name',
            message: errorMessage(e),
          },
        ]);
        return;
      }
      const placed = fieldMessagesOf(e);
      if (placed.length) setServerMessages(placed);
      setFailure(errorMessage(e));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run('create');
  };

  const disabled = busy !== undefined;
  // Values of variables still loading would be left out of the request.
  const waiting = variablesLoading || profiles.loading;
  const stale = validation && validation.formKey !== JSON.stringify(form);

  return (
    <FormDialog
      open={open}
      onClose={close}
      busy={disabled}
      maxWidth="md"
      dividers
      titleId="request-cluster-title"
      title="Request a cluster"
      formLabel="Request cluster"
      onSubmit={submit}
      progressLabel={
        busy === 'validate'
          ? 'Validating the request'
          : 'Requesting the cluster'
      }
      actionLabel={busy === 'create' ? 'Requesting…' : 'Request'}
      actionDisabled={waiting}
      actions={
        <Button
          onClick={() => run('validate')}
          color="primary"
          variant="outlined"
          disabled={disabled || waiting}
        >
          {busy === 'validate' ? 'Validating…' : 'Validate'}
        </Button>
      }
    >
      {profiles.loading && (
        <LinearProgress aria-label="Loading published profiles" />
      )}
      {profiles.error && (
        <Alert severity="error">
          Could not load the published profiles: {errorMessage(profiles.error)}
        </Alert>
      )}
      {!profiles.loading && !profiles.error && !profiles.bases.length && (
        <Alert severity="info">
          No infrastructure or full profile is published yet. A cluster is built
          from one; ask the platform team to publish a profile.
        </Alert>
      )}
      <Section title="Cluster">
        <Grid container spacing={1}>
          <Grid item xs={12} sm={6}>
            <TextField
              id="request-cluster-name"
              label="Cluster name"
              required
              value={form.name}
              disabled={disabled}
              onChange={e => update({ name: e.target.value }, 'name')}
              {...helperTextOf(
                messagesOf('name'),
                'Lower-case letters, digits and dashes; at most 40',
              )}
              fullWidth
              margin="dense"
              variant="outlined"
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id="request-cluster-description"
              label="Description"
              value={form.description}
              disabled={disabled}
              onChange={e =>
                update({ description: e.target.value }, 'description')
              }
              fullWidth
              margin="dense"
              variant="outlined"
            />
          </Grid>
        </Grid>
      </Section>
      <Section title="Profile">
        <BaseProfileFields
          profiles={profiles.bases}
          profile={form.profile}
          version={form.version}
          onChange={chooseProfile}
          messagesOf={messagesOf}
          disabled={disabled}
        />
        <AddOnProfilesFields
          available={addOnsFor(profiles.addOns, base?.cloudType)}
          addOns={form.addOns}
          onChange={addOns => update({ addOns }, 'addOnProfiles')}
          messagesOf={messagesOf}
          disabled={disabled || !base}
        />
      </Section>
      <Section title="Variables">
        {variablesLoading && (
          <LinearProgress aria-label="Loading profile variables" />
        )}
        {variablesError && (
          <Alert severity="error">
            Could not load the profile's variables:{' '}
            {errorMessage(variablesError)}
          </Alert>
        )}
        <VariableFields
          variables={variables}
          values={form.variables}
          onChange={(name, value) =>
            update(
              { variables: { ...form.variables, [name]: value } },
              `variables.${name}`,
            )
          }
          messagesOf={messagesOf}
          disabled={disabled}
          emptyText={
            form.profile
              ? 'The chosen profiles ask for no variables.'
              : 'Choose a profile to see the values it asks for.'
          }
        />
      </Section>
      <Section title="Placement and control plane">
        {accountsError && (
          <Alert severity="error">
            Could not load the cloud accounts: {errorMessage(accountsError)}
          </Alert>
        )}
        <PlacementFields
          accounts={accounts}
          cloudType={base?.cloudType}
          cloudAccount={form.cloudAccount}
          region={form.region}
          replicas={form.controlPlaneReplicas}
          instanceType={form.controlPlaneInstanceType}
          onChange={change =>
            update(change, 'cloudAccount', 'region', 'controlPlane')
          }
          messagesOf={messagesOf}
          disabled={disabled}
        />
      </Section>
      <Section title="Worker pools">
        <WorkerPoolsEditor
          pools={form.pools}
          onChange={pools => update({ pools }, 'workerPools')}
          messagesOf={messagesOf}
          disabled={disabled}
        />
      </Section>
      <Section title="Ownership">
        <OwnershipFields
          owner={form.owner}
          project={form.project}
          environment={form.environment}
          onChange={(change, field) => update(change, field)}
          messagesOf={messagesOf}
          disabled={disabled}
        />
      </Section>
      <ValidationResult
        result={validation?.result}
        stale={!!stale}
        general={general}
        failure={failure}
      />
    </FormDialog>
  );
};
