import TextField, { TextFieldProps } from '@material-ui/core/TextField';

/** One choice of a `SelectField`; a string is its own label. */
export type SelectOption = string | { value: string; label: string };

/** Options for named things: `Display name (name)`, or the name alone. */
export const nameOptions = (
  items: ReadonlyArray<{ name: string; displayName?: string }>,
): Array<{ value: string; label: string }> =>
  items.map(i => ({
    value: i.name,
    label: i.displayName ? `${i.displayName} (${i.name})` : i.name,
  }));

/**
 * A native select as a full-width TextField whose label always stays above
 * it. Its options: `emptyLabel` (the value ''), then `children`, then
 * `options`.
 */
export const SelectField = ({
  options = [],
  emptyLabel,
  children,
  ...props
}: TextFieldProps & {
  options?: readonly SelectOption[];
  emptyLabel?: string;
}) => (
  <TextField
    select
    SelectProps={{ native: true }}
    InputLabelProps={{ shrink: true }}
    fullWidth
    {...props}
  >
    {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
    {children}
    {options.map(o =>
      typeof o === 'string' ? (
        <option key={o} value={o}>
          {o}
        </option>
      ) : (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ),
    )}
  </TextField>
);
