import TextField, { TextFieldProps } from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/** The environments most clusters run in; any other name may be typed. */
export const COMMON_ENVIRONMENTS = ['dev', 'staging', 'production'];

/** An environment: one of the common ones, or free text. */
export const EnvironmentField = ({
  id,
  value,
  onChange,
  label = 'Environment',
  ...textFieldProps
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  label?: string;
} & Omit<TextFieldProps, 'onChange' | 'value' | 'id' | 'label'>) => (
  <Autocomplete
    id={id}
    freeSolo
    options={COMMON_ENVIRONMENTS}
    value={value || null}
    onChange={(_event, chosen) => onChange(chosen ?? '')}
    inputValue={value}
    onInputChange={(_event, text, reason) => {
      // `reset` only echoes the value back.
      if (reason !== 'reset') onChange(text);
    }}
    disabled={textFieldProps.disabled}
    renderInput={params => (
      <TextField {...params} {...textFieldProps} label={label} />
    )}
  />
);
