import {
  GovernancePolicyInput,
  governancePolicySchema,
  POLICY_WILDCARD,
  StoredGovernancePolicy,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { addSchemaIssues, formError as error } from '../../clusters/utils';
import { normalizeSystemRef } from '../../clusters/request/requestForm';
import { normalizeOwnerRef } from '../../profiles/utils';

/** One allowed profile as the dialog holds it: no versions is any version. */
export interface AllowedProfileForm {
  name: string;
  versions: string[];
}

/** The policy dialog's inputs; empty lists allow anything. */
export interface PolicyForm {
  /** `*`, a system name such as `payments`, or a system ref. */
  project: string;
  /** `*` or an environment name. */
  environment: string;
  description: string;
  profiles: AllowedProfileForm[];
  regions: string[];
  cloudAccounts: string[];
  instanceTypes: string[];
  /** A whole number, or empty for no limit. */
  maxPoolSize: string;
  requireApproval: boolean;
  approverGroup: string;
}

export const emptyPolicyForm = (): PolicyForm => ({
  project: '',
  environment: '',
  description: '',
  profiles: [],
  regions: [],
  cloudAccounts: [],
  instanceTypes: [],
  maxPoolSize: '',
  requireApproval: false,
  approverGroup: '',
});

/** The form of a stored policy, to edit it. */
export function toPolicyForm(policy: StoredGovernancePolicy): PolicyForm {
  return {
    project: policy.project,
    environment: policy.environment,
    description: policy.description ?? '',
    profiles: (policy.allowedProfiles ?? []).map(p => ({
      name: p.name,
      versions: p.versions ?? [],
    })),
    regions: policy.allowedRegions ?? [],
    cloudAccounts: policy.allowedCloudAccounts ?? [],
    instanceTypes: policy.allowedInstanceTypes ?? [],
    maxPoolSize:
      policy.maxPoolSize === undefined ? '' : String(policy.maxPoolSize),
    requireApproval: policy.requireApproval,
    approverGroup: policy.approverGroup ?? '',
  };
}

const scope = (text: string, normalize: (t: string) => string | undefined) => {
  const trimmed = text.trim();
  if (trimmed === POLICY_WILDCARD) return POLICY_WILDCARD;
  return normalize(trimmed) ?? trimmed;
};

/** A list to send: absent when empty (an absent list allows anything). */
const list = (values: string[]) => {
  const kept = [...new Set(values.map(v => v.trim()).filter(Boolean))];
  return kept.length ? kept : undefined;
};

/** What the API takes for the form (numbers may be NaN when not numbers). */
export function toPolicyInput(form: PolicyForm): GovernancePolicyInput {
  const input: GovernancePolicyInput = {
    project: scope(form.project, normalizeSystemRef),
    environment: scope(form.environment, t => t),
    requireApproval: form.requireApproval,
  };
  if (form.description.trim()) input.description = form.description.trim();
  if (form.profiles.length)
    input.allowedProfiles = form.profiles.map(p => {
      const versions = list(p.versions);
      return versions ? { name: p.name, versions } : { name: p.name };
    });
  const regions = list(form.regions);
  if (regions) input.allowedRegions = regions;
  const accounts = list(form.cloudAccounts);
  if (accounts) input.allowedCloudAccounts = accounts;
  const types = list(form.instanceTypes);
  if (types) input.allowedInstanceTypes = types;
  if (form.maxPoolSize.trim())
    input.maxPoolSize = /^\s*\d+\s*$/.test(form.maxPoolSize)
      ? Number(form.maxPoolSize)
      : Number.NaN;
  if (form.requireApproval && form.approverGroup.trim())
    input.approverGroup =
      normalizeOwnerRef(form.approverGroup) ?? form.approverGroup.trim();
  return input;
}

/**
 * What is wrong with the form before it is sent: empty scopes, unknown
 * project refs, profiles listed twice, and whatever `governancePolicySchema`
 * (the API's own rule) refuses. Fields are the policy's paths
 * (`allowedProfiles.0.versions.1`, `approverGroup`).
 */
export function validatePolicyForm(form: PolicyForm): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (!form.project.trim()) messages.push(error('project', 'is required'));
  else if (
    form.project.trim() !== POLICY_WILDCARD &&
    !normalizeSystemRef(form.project)
  )
    messages.push(error('project', 'must be * or a system such as payments'));
  if (!form.environment.trim())
    messages.push(error('environment', 'is required'));
  if (form.maxPoolSize.trim() && !/^\s*\d+\s*$/.test(form.maxPoolSize))
    messages.push(error('maxPoolSize', 'must be a whole number'));
  const seen = new Set<string>();
  form.profiles.forEach((p, i) => {
    if (seen.has(p.name))
      messages.push(
        error(`allowedProfiles.${i}.name`, `${p.name} is listed twice`),
      );
    seen.add(p.name);
  });
  const parsed = governancePolicySchema.safeParse(toPolicyInput(form));
  if (!parsed.success)
    addSchemaIssues(messages, parsed.error.issues, {
      word: (field, issue) =>
        field === 'approverGroup' && !form.approverGroup.trim()
          ? 'is required when approval is required'
          : issue.message,
    });
  return messages;
}
