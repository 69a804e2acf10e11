import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import { ReactNode } from 'react';
import { DeleteIconButton } from './IconButtons';
import { nameOptions, SelectField } from './SelectField';

const useStyles = makeStyles(theme => ({
  row: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  fixed: { minWidth: 160 },
  grow: { flex: 1 },
}));

/**
 * Profiles chosen from a list, a row each: the profile's name, an editor
 * (`renderEditor`, e.g. its version) and a button to remove it; below them
 * a select that adds one of the profiles not chosen yet.
 */
export function ChosenProfilesField<T extends { name: string }>({
  label,
  profiles,
  value,
  onChange,
  renderEditor,
  nameWidth = 'grow',
  removeLabel,
  addId,
  addLabel,
  addEmptyLabel,
  toChosen,
  addHelp,
  disabled,
}: {
  /** The accessible name of the group. */
  label: string;
  /** The profiles that may be chosen. */
  profiles: ProfileSummary[];
  value: T[];
  onChange: (value: T[]) => void;
  /** The editor of one chosen profile; `profile` is absent when unknown. */
  renderEditor: (
    chosen: T,
    index: number,
    profile?: ProfileSummary,
  ) => ReactNode;
  /** Whether names take a fixed width or grow with the editors. */
  nameWidth?: 'fixed' | 'grow';
  /** The remove button's accessible name. */
  removeLabel: (name: string) => string;
  addId: string;
  addLabel: string;
  addEmptyLabel: string;
  /** What adding a profile chooses; nothing adds nothing. */
  toChosen: (profile: ProfileSummary) => T | undefined;
  /** The text under the add select (`helperTextOf`), by what it offers. */
  addHelp: (offered: ProfileSummary[]) => {
    error: boolean;
    helperText?: string;
  };
  disabled?: boolean;
}) {
  const classes = useStyles();
  const chosen = new Set(value.map(p => p.name));
  const offered = profiles.filter(p => !chosen.has(p.name));
  return (
    <div role="group" aria-label={label}>
      {value.map((item, i) => {
        const profile = profiles.find(p => p.name === item.name);
        return (
          <div key={item.name} className={classes.row}>
            <Typography className={classes[nameWidth]}>
              {profile?.displayName ?? item.name}
            </Typography>
            <div className={classes.grow}>{renderEditor(item, i, profile)}</div>
            <DeleteIconButton
              label={removeLabel(item.name)}
              disabled={disabled}
              onClick={() => onChange(value.filter(p => p.name !== item.name))}
            />
          </div>
        );
      })}
      <SelectField
        margin="dense"
        variant="outlined"
        id={addId}
        label={addLabel}
        value=""
        disabled={disabled || offered.length === 0}
        onChange={e => {
          const profile = offered.find(p => p.name === e.target.value);
          const next = profile && toChosen(profile);
          if (next) onChange([...value, next]);
        }}
        {...addHelp(offered)}
        emptyLabel={addEmptyLabel}
        options={nameOptions(offered)}
      />
    </div>
  );
}
