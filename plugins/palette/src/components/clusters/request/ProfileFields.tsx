import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import { CLOUD_TYPE_LABELS, PROFILE_TYPE_LABELS } from '../../profiles/utils';
import { nameOptions, SelectField, SelectOption } from '../../shared';
import { helperTextOf } from '../utils';
import { AddOnForm } from './requestForm';
import { usableVersions } from './useRequestData';
import { MessagesOf } from './VariableFields';

const useStyles = makeStyles(theme => ({
  addOn: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  grow: { flex: 1 },
}));

/** A profile's usable versions as options, the latest marked. */
const versionOptions = (profile?: ProfileSummary): SelectOption[] =>
  usableVersions(profile).map(v => ({
    value: v,
    label: v === profile?.latestVersion ? `${v} (latest)` : v,
  }));

/** The base profile and its version. */
export const BaseProfileFields = ({
  profiles,
  profile,
  version,
  onChange,
  messagesOf,
  disabled,
}: {
  profiles: ProfileSummary[];
  profile: string;
  version: string;
  onChange: (profile: string, version: string) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
}) => {
  const chosen = profiles.find(p => p.name === profile);
  const profileMessages = [
    ...(messagesOf('profile') ?? []),
    ...(messagesOf('profile.name') ?? []),
  ];
  return (
    <Grid container spacing={1}>
      <Grid item xs={12} sm={8}>
        <SelectField
          margin="dense"
          variant="outlined"
          id="request-cluster-profile"
          label="Profile"
          required
          value={profile}
          disabled={disabled}
          onChange={e => {
            const next = profiles.find(p => p.name === e.target.value);
            onChange(e.target.value, next?.latestVersion ?? '');
          }}
          {...helperTextOf(
            profileMessages,
            chosen
              ? `${PROFILE_TYPE_LABELS[chosen.type]} profile for ${
                  CLOUD_TYPE_LABELS[chosen.cloudType]
                }${chosen.description ? `: ${chosen.description}` : ''}`
              : 'A published infrastructure or full profile',
          )}
          emptyLabel="Choose a profile"
          options={nameOptions(profiles)}
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <SelectField
          margin="dense"
          variant="outlined"
          id="request-cluster-version"
          label="Version"
          required
          value={version}
          disabled={disabled || !chosen}
          onChange={e => onChange(profile, e.target.value)}
          {...helperTextOf(
            messagesOf('profile.version'),
            'Deprecated versions are not offered',
          )}
          emptyLabel={chosen ? undefined : '—'}
          options={versionOptions(chosen)}
        />
      </Grid>
    </Grid>
  );
};

/** Add-on profiles layered on the cluster, each at a version. */
export const AddOnProfilesFields = ({
  available,
  addOns,
  onChange,
  messagesOf,
  disabled,
}: {
  /** The add-on profiles that fit the cluster's cloud. */
  available: ProfileSummary[];
  addOns: AddOnForm[];
  onChange: (addOns: AddOnForm[]) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
}) => {
  const classes = useStyles();
  const chosen = new Set(addOns.map(a => a.name));
  const offered = available.filter(p => !chosen.has(p.name));
  const general = helperTextOf(messagesOf('addOnProfiles'));
  return (
    <div role="group" aria-label="Add-ons">
      {addOns.map((addOn, i) => {
        const profile = available.find(p => p.name === addOn.name);
        const messages = [
          ...(messagesOf(`addOnProfiles.${i}`) ?? []),
          ...(messagesOf(`addOnProfiles.${i}.name`) ?? []),
          ...(messagesOf(`addOnProfiles.${i}.version`) ?? []),
        ];
        return (
          <div key={addOn.name} className={classes.addOn}>
            <Typography className={classes.grow}>
              {profile?.displayName ?? addOn.name}
            </Typography>
            <div className={classes.grow}>
              <SelectField
                margin="dense"
                variant="outlined"
                id={`request-cluster-addon-${addOn.name}`}
                label={`Add-on ${addOn.name}`}
                value={addOn.version}
                disabled={disabled}
                onChange={e =>
                  onChange(
                    addOns.map(a =>
                      a.name === addOn.name
                        ? { ...a, version: e.target.value }
                        : a,
                    ),
                  )
                }
                {...helperTextOf(messages, 'The version of the add-on profile')}
                options={versionOptions(profile)}
              >
                {/* A version no longer offered stays visible. */}
                {!usableVersions(profile).includes(addOn.version) && (
                  <option value={addOn.version}>{addOn.version}</option>
                )}
              </SelectField>
            </div>
            <IconButton
              size="small"
              aria-label={`Remove add-on ${addOn.name}`}
              disabled={disabled}
              onClick={() =>
                onChange(addOns.filter(a => a.name !== addOn.name))
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
        id="request-cluster-add-addon"
        label="Add an add-on"
        value=""
        disabled={disabled || offered.length === 0}
        onChange={e => {
          const profile = offered.find(p => p.name === e.target.value);
          if (profile?.latestVersion)
            onChange([
              ...addOns,
              { name: profile.name, version: profile.latestVersion },
            ]);
        }}
        {...helperTextOf(
          general.helperText ? messagesOf('addOnProfiles') : undefined,
          offered.length
            ? 'Add-on profiles install extra packs, e.g. monitoring'
            : 'No other add-on profile fits this cloud',
        )}
        emptyLabel="Choose an add-on profile"
        options={nameOptions(offered)}
      />
    </div>
  );
};
