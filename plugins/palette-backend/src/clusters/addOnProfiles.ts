import { InputError } from '@backstage/errors';
import {
  ProfileRef,
  ProfileVersion,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { ProfileStore } from '../database';

const problem = (
  field: string,
  code: string,
  message: string,
): ValidationMessage => ({ severity: 'error', code, field, message });

/**
 * The add-on profiles of a request at their versions. Each that is not
 * published, or deprecated (unless allowed, e.g. one the cluster already
 * runs), is reported in `messages` with its request field.
 */
export async function resolveAddOnProfiles(
  refs: ProfileRef[],
  profiles: Pick<ProfileStore, 'getVersion'>,
  allowDeprecated: (ref: ProfileRef) => boolean,
  messages: ValidationMessage[],
): Promise<ProfileVersion[]> {
  const resolved: ProfileVersion[] = [];
  for (const [i, ref] of refs.entries()) {
    const addOn = await profiles.getVersion(ref.name, ref.version);
    if (!addOn) {
      messages.push(
        problem(
          `addOnProfiles.${i}`,
          'profile.unknown',
          `profile "${ref.name}" has no published version ${ref.version}`,
        ),
      );
      continue;
    }
    if (addOn.deprecated && !allowDeprecated(ref)) {
      messages.push(
        problem(
          `addOnProfiles.${i}.version`,
          'profile.deprecated',
          `version ${addOn.version} of "${addOn.name}" is deprecated: choose a newer version`,
        ),
      );
    }
    resolved.push(addOn);
  }
  return resolved;
}

/**
 * Checks the add-on profiles of an imported cluster (which has no infra
 * profile to hold anything else): published, not deprecated, and of type
 * `add-on`. A 400 naming every problem.
 */
export async function checkAddOnProfiles(
  refs: ProfileRef[],
  profiles: Pick<ProfileStore, 'getVersion'>,
): Promise<ProfileVersion[]> {
  const messages: ValidationMessage[] = [];
  const resolved = await resolveAddOnProfiles(
    refs,
    profiles,
    () => false,
    messages,
  );
  resolved.forEach((profile, i) => {
    if (profile.type !== 'add-on')
      messages.push(
        problem(
          `addOnProfiles.${i}`,
          'profile.type',
          `"${profile.name}" is a ${profile.type} profile: an imported cluster takes add-on profiles only`,
        ),
      );
  });
  if (messages.length)
    throw new InputError(
      messages.map(m => `${m.field}: ${m.message}`).join('; '),
    );
  return resolved;
}
