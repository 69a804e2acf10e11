import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import { ImportMode } from '@palette-backstage/plugin-palette-common';
import { IMPORT_MODE_HELP } from '../clusters/utils';

const MODES: Array<{ mode: ImportMode; label: string }> = [
  { mode: 'read-only', label: 'Read-only' },
  { mode: 'managed', label: 'Managed' },
];

/** Read-only or managed, each explained in one line. */
export const ImportModeField = ({
  value,
  onChange,
  disabled,
}: {
  value: ImportMode;
  onChange: (mode: ImportMode) => void;
  disabled?: boolean;
}) => (
  <FormControl component="fieldset" margin="dense" disabled={disabled}>
    <FormLabel component="legend">Mode</FormLabel>
    <RadioGroup
      aria-label="Mode"
      name="import-cluster-mode"
      value={value}
      onChange={e => onChange(e.target.value as ImportMode)}
    >
      {MODES.map(({ mode, label }) => (
        <FormControlLabel
          key={mode}
          value={mode}
          control={<Radio color="primary" />}
          label={
            <>
              <Typography component="span">{label}</Typography>{' '}
              <Typography
                component="span"
                variant="body2"
                color="textSecondary"
              >
                — {IMPORT_MODE_HELP[mode]}
              </Typography>
            </>
          }
        />
      ))}
    </RadioGroup>
  </FormControl>
);
