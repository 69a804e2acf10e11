import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ProfileVariable,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { SelectField } from '../../shared';
import { helperTextOf } from '../utils';
import { variableControl } from './requestForm';

/** The messages about one field (a request path), if any. */
export type MessagesOf = (field: string) => ValidationMessage[] | undefined;

const VariableInput = ({
  variable,
  value,
  onChange,
  messages,
  disabled,
}: {
  variable: ProfileVariable;
  value: string;
  onChange: (value: string) => void;
  messages?: ValidationMessage[];
  disabled?: boolean;
}) => {
  const { control, editable } = variableControl(variable);
  const id = `variable-${variable.name}`;
  let help = variable.description;
  if (variable.readOnly) help = help ?? 'Set by the profile';
  else if (variable.sensitive && variable.default !== undefined)
    help = `${help ? `${help}. ` : ''}Leave empty to use the profile's default`;
  const { error, helperText } = helperTextOf(messages, help);
  const shown = editable ? value : variable.default ?? '';

  if (control === 'checkbox') {
    return (
      <FormControl error={error}>
        <FormControlLabel
          control={
            <Checkbox
              id={id}
              color="primary"
              checked={shown === 'true'}
              onChange={e => onChange(String(e.target.checked))}
              disabled={disabled || !editable}
            />
          }
          label={variable.displayName}
        />
        {helperText && <FormHelperText>{helperText}</FormHelperText>}
      </FormControl>
    );
  }
  const common = {
    id,
    label: variable.displayName,
    value: shown,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    required: !!variable.required && variable.default === undefined,
    disabled: disabled || !editable,
    error,
    helperText,
    fullWidth: true,
    margin: 'dense' as const,
    variant: 'outlined' as const,
  };
  if (control === 'dropdown') {
    return (
      <SelectField
        {...common}
        emptyLabel={variable.required ? undefined : 'Not set'}
        options={(variable.options ?? []).map(o => ({
          value: o.value,
          label: o.label ?? o.value,
        }))}
      />
    );
  }
  return (
    <TextField
      {...common}
      type={{ password: 'password', number: 'number' }[control as string]}
      multiline={control === 'textarea'}
      minRows={control === 'textarea' ? 3 : undefined}
      autoComplete={control === 'password' ? 'new-password' : undefined}
    />
  );
};

/**
 * The inputs for profile variables: hidden ones are not asked, read-only
 * ones are shown with their default, sensitive ones are password fields
 * that never show a default, dropdowns offer the variable's options.
 */
export const VariableFields = ({
  variables,
  values,
  onChange,
  messagesOf,
  disabled,
  emptyText = 'The chosen profiles ask for no variables.',
}: {
  variables: ProfileVariable[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
  emptyText?: string;
}) => {
  const asked = variables.filter(v => variableControl(v).asked);
  if (!asked.length)
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  return (
    <Grid container spacing={1}>
      {asked.map(v => (
        <Grid item xs={12} sm={6} key={v.name}>
          <VariableInput
            variable={v}
            value={values[v.name] ?? ''}
            onChange={value => onChange(v.name, value)}
            messages={messagesOf(`variables.${v.name}`)}
            disabled={disabled}
          />
        </Grid>
      ))}
    </Grid>
  );
};
