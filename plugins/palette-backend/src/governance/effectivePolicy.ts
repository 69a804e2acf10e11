import {
  GovernancePolicy,
  POLICY_WILDCARD,
} from '@palette-backstage/plugin-palette-common';

const sameRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/**
 * The policy that applies to a project and environment: the most specific
 * one, in the order (project, environment), (project, *), (*, environment),
 * (*, *). One policy applies, not a merge, so that what governs a request
 * can be read in one place.
 */
export function effectivePolicy<P extends GovernancePolicy>(
  policies: readonly P[],
  project: string,
  environment: string,
): P | undefined {
  const find = (p: string, e: string) =>
    policies.find(
      policy =>
        (p === POLICY_WILDCARD
          ? policy.project === POLICY_WILDCARD
          : sameRef(policy.project, p)) && policy.environment === e,
    );
  return (
    find(project, environment) ??
    find(project, POLICY_WILDCARD) ??
    find(POLICY_WILDCARD, environment) ??
    find(POLICY_WILDCARD, POLICY_WILDCARD)
  );
}
