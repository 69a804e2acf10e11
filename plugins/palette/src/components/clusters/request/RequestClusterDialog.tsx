import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterDetails,
  ClusterDryRunResponse,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { useDefaultOwner } from '../../../hooks';
import { errorMessage } from '../../profiles/utils';
import {
  FormDialog,
  FormSection as Section,
  useCheckedForm,
} from '../../shared';
import { NameFields } from './NameFields';
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
  const [form, setForm] = useState<RequestForm>(emptyRequestForm);
  const [validation, setValidation] = useState<Validation>();

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

  const {
    update,
    setServerMessages,
    busy,
    failure,
    general,
    messagesOf,
    reset,
    run,
  } = useCheckedForm<RequestForm, 'validate' | 'create'>({
    form,
    setForm,
    initial: emptyRequestForm,
    validate: useCallback(
      (f: RequestForm) => validateRequestForm(f, variables),
      [variables],
    ),
    isShown: useCallback(
      (field: string) => isRequestFieldShown(field, variables),
      [variables],
    ),
  });

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

  const forget = () => {
    reset();
    setValidation(undefined);
  };

  const close = () => {
    if (busy) return;
    forget();
    onClose();
  };

  const validateOnServer = () =>
    run('validate', {
      before: 'validating',
      call: () => paletteApi.dryRunCluster(toClusterRequest(form, variables)),
      done: result => {
        setValidation({ formKey: JSON.stringify(form), result });
        setServerMessages(result.messages);
      },
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run('create', {
      before: 'requesting',
      call: () => paletteApi.createCluster(toClusterRequest(form, variables)),
      successMessage: cluster => `Requested cluster ${cluster.name}`,
      done: cluster => {
        forget();
        onCreated(cluster);
      },
    });
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
          onClick={validateOnServer}
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
        <NameFields
          name={form.name}
          description={form.description}
          onChange={(change, field) => update(change, field)}
          messagesOf={messagesOf}
          disabled={disabled}
          nameHelp="Lower-case letters, digits and dashes; at most 40"
        />
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
