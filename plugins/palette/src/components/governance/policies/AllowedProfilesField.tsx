import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import { MessagesOf } from '../../clusters/request';
import { helperTextOf } from '../../clusters/utils';
import { nameOptions, SelectField } from '../../shared';
import { ListField } from './ListField';
import { AllowedProfileForm } from './policyForm';

const useStyles = makeStyles(theme => ({
  row: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  name: { minWidth: 160 },
  grow: { flex: 1 },
}));

/**
 * The profiles a policy allows, each at any published version or at the
 * versions listed; no profile at all allows every profile.
 */
export const AllowedProfilesField = ({
  profiles,
  value,
  onChange,
  messagesOf,
  disabled,
}: {
  /** Published profiles to offer. */
  profiles: ProfileSummary[];
  value: AllowedProfileForm[];
  onChange: (value: AllowedProfileForm[]) => void;
  /** Takes policy paths (`allowedProfiles.0.versions`). */
  messagesOf: MessagesOf;
  disabled?: boolean;
}) => {
  const classes = useStyles();
  const chosen = new Set(value.map(p => p.name));
  const offered = profiles.filter(p => !chosen.has(p.name));
  return (
    <div role="group" aria-label="Allowed profiles">
      {value.map((allowed, i) => {
        const profile = profiles.find(p => p.name === allowed.name);
        const versions = profile?.versions.map(v => v.version) ?? [];
        const messages = [
          ...(messagesOf(`allowedProfiles.${i}`) ?? []),
          ...(messagesOf(`allowedProfiles.${i}.name`) ?? []),
          ...(messagesOf(`allowedProfiles.${i}.versions`) ?? []),
          ...allowed.versions.flatMap(
            (_v, j) => messagesOf(`allowedProfiles.${i}.versions.${j}`) ?? [],
          ),
        ];
        return (
          <div key={allowed.name} className={classes.row}>
            <Typography className={classes.name}>
              {profile?.displayName ?? allowed.name}
            </Typography>
            <div className={classes.grow}>
              <ListField
                id={`policy-profile-${allowed.name}-versions`}
                label={`Versions of ${allowed.name}`}
                values={allowed.versions}
                options={versions}
                freeSolo={versions.length === 0}
                onChange={next =>
                  onChange(
                    value.map(p =>
                      p.name === allowed.name ? { ...p, versions: next } : p,
                    ),
                  )
                }
                help="Empty: any published version"
                messages={messages}
                disabled={disabled}
              />
            </div>
            <IconButton
              size="small"
              aria-label={`Remove ${allowed.name}`}
              disabled={disabled}
              onClick={() =>
                onChange(value.filter(p => p.name !== allowed.name))
              }
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </div>
        );
      })}
      <SelectField
        margin="dense"
        variant="outlined"
        id="policy-add-profile"
        label="Allow a profile"
        value=""
        disabled={disabled || offered.length === 0}
        onChange={e => {
          if (e.target.value)
            onChange([...value, { name: e.target.value, versions: [] }]);
        }}
        {...helperTextOf(
          messagesOf('allowedProfiles'),
          value.length
            ? 'Only the listed profiles may be used, as base or add-on'
            : 'None listed: every published profile is allowed',
        )}
        emptyLabel="Choose a profile"
        options={nameOptions(offered)}
      />
    </div>
  );
};
