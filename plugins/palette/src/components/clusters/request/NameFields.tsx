import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { helperTextOf } from '../utils';
import { MessagesOf } from './VariableFields';

type Naming = { name: string; description: string };

/** The cluster's name and description, side by side. */
export const NameFields = ({
  name,
  description,
  onChange,
  messagesOf,
  disabled,
  nameHelp,
  idPrefix = 'request-cluster',
}: Naming & {
  onChange: (change: Partial<Naming>, field: keyof Naming) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
  /** What the name input says while it has no messages. */
  nameHelp: string;
  /** Of the inputs' ids, unique per form. */
  idPrefix?: string;
}) => {
  const common = {
    fullWidth: true,
    margin: 'dense' as const,
    variant: 'outlined' as const,
    disabled,
  };
  return (
    <Grid container spacing={1}>
      <Grid item xs={12} sm={6}>
        <TextField
          {...common}
          id={`${idPrefix}-name`}
          label="Cluster name"
          required
          value={name}
          onChange={e => onChange({ name: e.target.value }, 'name')}
          {...helperTextOf(messagesOf('name'), nameHelp)}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...common}
          id={`${idPrefix}-description`}
          label="Description"
          value={description}
          onChange={e =>
            onChange({ description: e.target.value }, 'description')
          }
          {...helperTextOf(messagesOf('description'))}
        />
      </Grid>
    </Grid>
  );
};
