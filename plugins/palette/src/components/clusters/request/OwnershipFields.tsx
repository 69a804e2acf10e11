import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { EnvironmentField } from '../EnvironmentField';
import { helperTextOf } from '../utils';
import { MessagesOf } from './VariableFields';

type Ownership = { owner: string; project: string; environment: string };

/** Who owns the cluster, the project (catalog system) and the environment. */
export const OwnershipFields = ({
  owner,
  project,
  environment,
  onChange,
  messagesOf,
  disabled,
  idPrefix = 'request-cluster',
}: Ownership & {
  onChange: (change: Partial<Ownership>, field: keyof Ownership) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
  /** Of the inputs' ids, unique per form. */
  idPrefix?: string;
}) => {
  const common = {
    fullWidth: true,
    margin: 'dense' as const,
    variant: 'outlined' as const,
    required: true,
    disabled,
  };
  return (
    <Grid container spacing={1}>
      <Grid item xs={12} sm={4}>
        <TextField
          {...common}
          id={`${idPrefix}-owner`}
          label="Owner group"
          value={owner}
          onChange={e => onChange({ owner: e.target.value }, 'owner')}
          {...helperTextOf(messagesOf('owner'), 'e.g. team-apollo')}
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <TextField
          {...common}
          id={`${idPrefix}-project`}
          label="Project"
          value={project}
          onChange={e => onChange({ project: e.target.value }, 'project')}
          {...helperTextOf(
            messagesOf('project'),
            'The catalog system, e.g. payments',
          )}
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <EnvironmentField
          {...common}
          id={`${idPrefix}-environment`}
          value={environment}
          onChange={value => onChange({ environment: value }, 'environment')}
          {...helperTextOf(
            messagesOf('environment'),
            'dev, staging, production or another name',
          )}
        />
      </Grid>
    </Grid>
  );
};
