import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  CloudAccountSummary,
  CloudType,
} from '@palette-backstage/plugin-palette-common';
import { CLOUD_TYPE_LABELS } from '../../profiles/utils';
import { nameOptions, SelectField } from '../../shared';
import { helperTextOf, MANAGED_CONTROL_PLANE_CLOUDS } from '../utils';
import { MessagesOf } from './VariableFields';

/** The accounts that fit a profile's cloud type (all of them for `all`). */
export const accountsFor = (
  accounts: CloudAccountSummary[],
  cloudType?: CloudType,
) =>
  accounts.filter(
    a => !cloudType || cloudType === 'all' || a.cloudType === cloudType,
  );

/** Where the cluster runs: cloud account, region, and control plane size. */
export const PlacementFields = ({
  accounts,
  cloudType,
  cloudAccount,
  region,
  replicas,
  instanceType,
  onChange,
  messagesOf,
  disabled,
}: {
  accounts: CloudAccountSummary[];
  /** The chosen profile's cloud type. */
  cloudType?: CloudType;
  cloudAccount: string;
  region: string;
  replicas: string;
  instanceType: string;
  onChange: (change: {
    cloudAccount?: string;
    region?: string;
    controlPlaneReplicas?: string;
    controlPlaneInstanceType?: string;
  }) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
}) => {
  const fitting = accountsFor(accounts, cloudType);
  const account = fitting.find(a => a.name === cloudAccount);
  const managed =
    cloudType !== undefined && MANAGED_CONTROL_PLANE_CLOUDS.includes(cloudType);
  let accountHelp = 'Where the cluster is created';
  if (!cloudType) accountHelp = 'Choose a profile first';
  else if (!fitting.length)
    accountHelp = `No cloud account is configured for ${CLOUD_TYPE_LABELS[cloudType]}; ask the platform team to add one`;
  return (
    <Grid container spacing={1}>
      <Grid item xs={12} sm={6}>
        <SelectField
          id="request-cluster-cloud-account"
          label="Cloud account"
          required
          value={cloudAccount}
          disabled={disabled || !fitting.length}
          onChange={e => {
            const next = fitting.find(a => a.name === e.target.value);
            onChange({
              cloudAccount: e.target.value,
              region: next?.regions.length === 1 ? next.regions[0] : '',
            });
          }}
          {...helperTextOf(messagesOf('cloudAccount'), accountHelp)}
          margin="dense"
          variant="outlined"
          emptyLabel="Choose an account"
          options={nameOptions(fitting)}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <SelectField
          id="request-cluster-region"
          label="Region"
          required
          value={region}
          disabled={disabled || !account}
          onChange={e => onChange({ region: e.target.value })}
          {...helperTextOf(
            messagesOf('region'),
            account ? 'The regions this account allows' : undefined,
          )}
          margin="dense"
          variant="outlined"
          emptyLabel={account ? 'Choose a region' : '—'}
          options={account?.regions}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <SelectField
          id="request-cluster-control-plane-replicas"
          label="Control plane nodes"
          required
          value={replicas}
          disabled={disabled || managed}
          onChange={e => onChange({ controlPlaneReplicas: e.target.value })}
          {...helperTextOf(
            messagesOf('controlPlane.replicas'),
            managed
              ? `${CLOUD_TYPE_LABELS[cloudType!]} runs the control plane`
              : '3 or 5 for production: the control plane survives losing a node',
          )}
          margin="dense"
          variant="outlined"
          options={['1', '3', '5']}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          id="request-cluster-control-plane-type"
          label="Control plane machine type"
          value={instanceType}
          disabled={disabled || managed}
          onChange={e => onChange({ controlPlaneInstanceType: e.target.value })}
          {...helperTextOf(
            messagesOf('controlPlane.instanceType'),
            "Optional; the first pool's instance type when empty",
          )}
          fullWidth
          margin="dense"
          variant="outlined"
        />
      </Grid>
    </Grid>
  );
};
