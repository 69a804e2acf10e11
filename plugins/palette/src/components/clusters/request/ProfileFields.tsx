import Grid from '@material-ui/core/Grid';
import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import { CLOUD_TYPE_LABELS, PROFILE_TYPE_LABELS } from '../../profiles/utils';
import {
  ChosenProfilesField,
  nameOptions,
  SelectField,
  SelectOption,
} from '../../shared';
import { helperTextOf } from '../utils';
import { AddOnForm } from './requestForm';
import { usableVersions } from './useRequestData';
import { MessagesOf } from './VariableFields';

/** Versions of a profile as options, the latest marked. */
export const versionOptions = (
  versions: readonly string[],
  latest?: string,
): SelectOption[] =>
  versions.map(v => ({
    value: v,
    label: v === latest ? `${v} (latest)` : v,
  }));

/** A profile's usable versions as options, the latest marked. */
const usableVersionOptions = (profile?: ProfileSummary) =>
  versionOptions(usableVersions(profile), profile?.latestVersion);

/** The help under a profile select: what the chosen profile is. */
export const profileHelp = (profile?: ProfileSummary) =>
  profile
    ? `${PROFILE_TYPE_LABELS[profile.type]} profile for ${
        CLOUD_TYPE_LABELS[profile.cloudType]
      }${profile.description ? `: ${profile.description}` : ''}`
    : 'A published infrastructure or full profile';

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
          {...helperTextOf(profileMessages, profileHelp(chosen))}
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
          options={usableVersionOptions(chosen)}
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
  idPrefix = 'request-cluster',
}: {
  /** The add-on profiles that fit the cluster's cloud. */
  available: ProfileSummary[];
  addOns: AddOnForm[];
  onChange: (addOns: AddOnForm[]) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
  /** Of the inputs' ids, unique per form. */
  idPrefix?: string;
}) => (
  <ChosenProfilesField
    label="Add-ons"
    profiles={available}
    value={addOns}
    onChange={onChange}
    renderEditor={(addOn, i, profile) => {
      const messages = [
        ...(messagesOf(`addOnProfiles.${i}`) ?? []),
        ...(messagesOf(`addOnProfiles.${i}.name`) ?? []),
        ...(messagesOf(`addOnProfiles.${i}.version`) ?? []),
      ];
      return (
        <SelectField
          margin="dense"
          variant="outlined"
          id={`${idPrefix}-addon-${addOn.name}`}
          label={`Add-on ${addOn.name}`}
          value={addOn.version}
          disabled={disabled}
          onChange={e =>
            onChange(
              addOns.map(a =>
                a.name === addOn.name ? { ...a, version: e.target.value } : a,
              ),
            )
          }
          {...helperTextOf(messages, 'The version of the add-on profile')}
          options={usableVersionOptions(profile)}
        >
          {/* A version no longer offered stays visible. */}
          {!usableVersions(profile).includes(addOn.version) && (
            <option value={addOn.version}>{addOn.version}</option>
          )}
        </SelectField>
      );
    }}
    removeLabel={name => `Remove add-on ${name}`}
    addId={`${idPrefix}-add-addon`}
    addLabel="Add an add-on"
    addEmptyLabel="Choose an add-on profile"
    toChosen={p =>
      p.latestVersion ? { name: p.name, version: p.latestVersion } : undefined
    }
    addHelp={offered =>
      helperTextOf(
        messagesOf('addOnProfiles'),
        offered.length
          ? 'Add-on profiles install extra packs, e.g. monitoring'
          : 'No other add-on profile fits this cloud',
      )
    }
    disabled={disabled}
  />
);
