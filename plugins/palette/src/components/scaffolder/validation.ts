import { ResponseError } from '@backstage/errors';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { WorkerPool } from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../api/PaletteApi';
import { errorMessage } from '../profiles/utils';
import { NodePoolEditorUiOptions, workerPoolProblems } from './nodePools';
import {
  allowedVersions,
  policyScopeOf,
  ProfilePickerUiOptions,
  ProfilePickerValue,
  scopeLabel,
} from './profilePicker';

/**
 * Checks a picked profile as palette-backend checks a request's: name and
 * version given, a published infra or full profile, a version that is
 * published and not deprecated, and (when the step holds the project and
 * environment) one the governance policy allows. Failures to reach
 * palette-backend are not held against the user: the request is checked
 * again when it is made.
 */
export const validatePaletteProfilePick: CustomFieldValidator<
  ProfilePickerValue,
  ProfilePickerUiOptions
> = async (value, validation, context) => {
  if (!value?.name) {
    validation.addError('Choose a cluster profile');
    return;
  }
  if (!value.version) {
    validation.addError(`Choose a version of ${value.name}`);
    return;
  }
  const paletteApi = context.apiHolder.get(paletteApiRef);
  if (!paletteApi) return;
  let profile;
  try {
    profile = await paletteApi.getProfile(value.name);
  } catch (e) {
    if (ResponseError.is(e) && e.statusCode === 404)
      validation.addError(`There is no profile named ${value.name}`);
    return;
  }
  if (profile.type === 'add-on') {
    validation.addError(
      `${value.name} is an add-on profile; a cluster is built from an infrastructure or full profile`,
    );
    return;
  }
  const version = profile.versions.find(v => v.version === value.version);
  if (!version) {
    validation.addError(
      `${value.name} has no published version ${value.version}`,
    );
    return;
  }
  if (version.deprecated) {
    validation.addError(
      `Version ${value.version} of ${value.name} is deprecated; choose another`,
    );
    return;
  }
  const scope = policyScopeOf(
    context.formData,
    context.uiSchema?.['ui:options'] ?? {},
  );
  if (!scope) return;
  try {
    const { policy } = await paletteApi.getEffectivePolicy(
      scope.project,
      scope.environment,
    );
    if (!allowedVersions(profile, policy).includes(value.version))
      validation.addError(
        `The governance policy for ${scopeLabel(scope)} does not allow ${
          value.name
        }@${value.version}`,
      );
  } catch (e) {
    // The request is governed again when it is made.
    if (ResponseError.is(e) && e.statusCode === 400)
      validation.addError(errorMessage(e));
  }
};

/**
 * Checks worker pools as palette-backend does: 1 to 20 pools, each valid by
 * `workerPoolSchema` (name, instance type, count within the autoscaling
 * bounds), and names unique.
 */
export const validatePaletteNodePools: CustomFieldValidator<
  WorkerPool[],
  NodePoolEditorUiOptions
> = (value, validation) => {
  for (const problem of workerPoolProblems(value)) validation.addError(problem);
};
