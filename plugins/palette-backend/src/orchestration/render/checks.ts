import type { RenderInput } from '../types';
import type { ProviderCloudType } from './context';
import { RenderMessages } from './messages';

/**
 * Checks of the request against the profiles and the cloud account that do
 * not depend on the provider: the profile types and cloud types, the cloud
 * account's provider and regions, and instance types. Returns the cloud
 * type to render for, when the profile names one.
 */
export function checkRequest(
  input: RenderInput,
  messages: RenderMessages,
): ProviderCloudType | undefined {
  const { request, profile, cloudAccount: account } = input;

  if (profile.type === 'add-on') {
    messages.error(
      'profile.type',
      'profile',
      `${profile.name} is an add-on profile; a cluster needs an infra or full profile`,
    );
  }
  const cloudType = profile.cloudType === 'all' ? undefined : profile.cloudType;
  if (!cloudType) {
    messages.error(
      'profile.cloudType',
      'profile',
      `${profile.name} is not for one cloud type (it is for "all"), so it cannot describe a cluster's infrastructure`,
    );
  }

  if (cloudType && account.cloudType !== cloudType) {
    messages.error(
      'cloudAccount.cloudType',
      'cloudAccount',
      `cloud account "${account.name}" is for ${account.cloudType}, but the profile ${profile.name} is for ${cloudType}`,
    );
  }
  if (!account.regions.includes(request.region)) {
    messages.error(
      'region.unknown',
      'region',
      `"${request.region}" is not a region of cloud account "${
        account.name
      }" (${account.regions.join(', ')})`,
    );
  }

  input.addOnProfiles.forEach((addOn, i) => {
    const field = `addOnProfiles.${i}`;
    if (addOn.type !== 'add-on') {
      messages.error(
        'addOnProfile.type',
        field,
        `${addOn.name} is an ${addOn.type} profile, not an add-on profile`,
      );
    }
    if (addOn.cloudType !== 'all' && addOn.cloudType !== cloudType) {
      messages.error(
        'addOnProfile.cloudType',
        field,
        `${addOn.name} is for ${addOn.cloudType} clusters, not ${
          cloudType ?? profile.cloudType
        }`,
      );
    }
  });

  if (request.workerPools.length === 0) {
    messages.error(
      'workerPools.empty',
      'workerPools',
      'a cluster needs at least one worker pool',
    );
  }
  request.workerPools.forEach((pool, i) => {
    if (pool.instanceType.trim() === '') {
      messages.error(
        'pool.instanceType',
        `workerPools.${i}.instanceType`,
        `pool "${pool.name}" needs an instance type`,
      );
    }
  });
  if (request.controlPlane.instanceType?.trim() === '') {
    messages.error(
      'controlPlane.instanceType',
      'controlPlane.instanceType',
      'the control plane instance type must not be empty (leave it out to use the first pool’s)',
    );
  }
  return cloudType;
}
