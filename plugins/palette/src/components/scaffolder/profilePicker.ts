import {
  POLICY_WILDCARD,
  ProfileSummary,
  StoredGovernancePolicy,
} from '@palette-backstage/plugin-palette-common';
import { usableVersions } from '../clusters/request/useRequestData';
import { normalizeSystemRef } from '../clusters/request/requestForm';
import { scopeText } from '../governance/format';
import { CostEstimateUiOptions } from './costEstimate';

/** The value of the `PaletteProfilePicker` field: a published profile version. */
export interface ProfilePickerValue {
  name: string;
  version: string;
}

/**
 * `ui:options` of the `PaletteProfilePicker` field: where the project and
 * environment are, and where the rest of the request whose cost it shows.
 */
export type ProfilePickerUiOptions = Omit<
  CostEstimateUiOptions,
  'profileField'
> & {
  /** The form field that holds the project (default `project`). */
  projectField?: string;
  /** The form field that holds the environment (default `environment`). */
  environmentField?: string;
};

/** A project and environment, as policies are looked up by. */
export interface PolicyScope {
  /** A system ref such as `system:default/payments`. */
  project: string;
  environment: string;
}

/**
 * The project and environment the form has chosen so far, when it has both
 * (`formData.project` and `formData.environment` unless `ui:options` name
 * other fields).
 */
export function policyScopeOf(
  formData: unknown,
  options: ProfilePickerUiOptions = {},
): PolicyScope | undefined {
  if (!formData || typeof formData !== 'object') return undefined;
  const data = formData as Record<string, unknown>;
  const project = data[options.projectField ?? 'project'];
  const environment = data[options.environmentField ?? 'environment'];
  if (typeof project !== 'string' || typeof environment !== 'string')
    return undefined;
  if (!project.trim() || !environment.trim()) return undefined;
  return {
    project:
      project.trim() === POLICY_WILDCARD
        ? POLICY_WILDCARD
        : normalizeSystemRef(project) ?? project.trim(),
    environment: environment.trim(),
  };
}

/** `payments / production`. */
export const scopeLabel = (scope: PolicyScope) =>
  `${scopeText(scope.project)} / ${scopeText(scope.environment)}`;

/** A base profile the picker offers, with the versions it may be used at. */
export interface OfferedProfile {
  profile: ProfileSummary;
  /** Published, not deprecated, and allowed by the policy; highest first. */
  versions: string[];
}

/**
 * The versions of a profile a policy allows: every usable one without a
 * policy or without a profile list; none for profiles it does not list.
 */
export function allowedVersions(
  profile: ProfileSummary,
  policy?: Pick<StoredGovernancePolicy, 'allowedProfiles'>,
): string[] {
  const usable = usableVersions(profile);
  if (!policy?.allowedProfiles) return usable;
  const rule = policy.allowedProfiles.find(p => p.name === profile.name);
  if (!rule) return [];
  return rule.versions
    ? usable.filter(v => rule.versions!.includes(v))
    : usable;
}

/** The infra and full profiles offered: those with an allowed version. */
export function offeredProfiles(
  bases: ProfileSummary[],
  policy?: Pick<StoredGovernancePolicy, 'allowedProfiles'>,
): OfferedProfile[] {
  return bases
    .map(profile => ({ profile, versions: allowedVersions(profile, policy) }))
    .filter(o => o.versions.length > 0);
}

/** The version to start with: the latest when allowed, else the highest. */
export const defaultVersion = (offered: OfferedProfile) =>
  offered.profile.latestVersion &&
  offered.versions.includes(offered.profile.latestVersion)
    ? offered.profile.latestVersion
    : offered.versions[0];
