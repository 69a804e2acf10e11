import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ValidationMessage } from '@palette-backstage/plugin-palette-common';
import { helperTextOf } from '../../clusters/utils';

/**
 * A list of values as chips: chosen from `options` or typed (Enter adds
 * one). `messages` are the list's and its items'.
 */
export const ListField = ({
  id,
  label,
  values,
  onChange,
  options = [],
  help,
  messages,
  disabled,
  freeSolo = true,
}: {
  id: string;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  options?: string[];
  help?: string;
  messages?: ValidationMessage[];
  disabled?: boolean;
  /** Whether values other than the options may be typed. */
  freeSolo?: boolean;
}) => (
  <Autocomplete
    id={id}
    multiple
    freeSolo={freeSolo}
    filterSelectedOptions
    options={options}
    value={values}
    disabled={disabled}
    onChange={(_event, chosen) =>
      onChange([...new Set(chosen.map(v => String(v).trim()))].filter(Boolean))
    }
    renderTags={(chosen, getTagProps) =>
      chosen.map((value, index) => {
        // React wants the key passed directly, not spread.
        const { key: _key, ...tagProps } = getTagProps({ index }) as ReturnType<
          typeof getTagProps
        > & { key?: string };
        return <Chip key={value} size="small" label={value} {...tagProps} />;
      })
    }
    renderInput={params => (
      <TextField
        {...params}
        label={label}
        variant="outlined"
        margin="dense"
        {...helperTextOf(messages, help)}
      />
    )}
  />
);
