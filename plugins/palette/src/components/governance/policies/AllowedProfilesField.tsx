import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import { MessagesOf } from '../../clusters/request';
import { helperTextOf } from '../../clusters/utils';
import { ChosenProfilesField } from '../../shared';
import { ListField } from './ListField';
import { AllowedProfileForm } from './policyForm';

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
}) => (
  <ChosenProfilesField
    label="Allowed profiles"
    profiles={profiles}
    value={value}
    onChange={onChange}
    nameWidth="fixed"
    renderEditor={(allowed, i, profile) => {
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
      );
    }}
    removeLabel={name => `Remove ${name}`}
    addId="policy-add-profile"
    addLabel="Allow a profile"
    addEmptyLabel="Choose a profile"
    toChosen={p => ({ name: p.name, versions: [] })}
    addHelp={() =>
      helperTextOf(
        messagesOf('allowedProfiles'),
        value.length
          ? 'Only the listed profiles may be used, as base or add-on'
          : 'None listed: every published profile is allowed',
      )
    }
    disabled={disabled}
  />
);
