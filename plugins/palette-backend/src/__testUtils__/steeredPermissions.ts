import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * Permission decisions a route test steers: permission names to deny, and
 * an ownership condition (`rule` with `{ claims }`) for one permission's
 * conditional decisions, as a real policy returns for "my team's".
 */
export interface SteeredPolicy {
  denied: Set<string>;
  owned?: {
    permission: string;
    resourceType: string;
    rule: string;
    claims: string[];
  };
}

export function createSteeredPolicy(): SteeredPolicy {
  return { denied: new Set() };
}

/** A permissions service whose decisions follow the policy object at call time. */
export function steeredPermissions(policy: SteeredPolicy) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result: policy.denied.has(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async requests =>
      requests.map(r => {
        if (policy.denied.has(r.permission.name))
          return { result: AuthorizeResult.DENY };
        const owned = policy.owned;
        if (owned && r.permission.name === owned.permission) {
          return {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'palette',
            resourceType: owned.resourceType,
            conditions: {
              rule: owned.rule,
              resourceType: owned.resourceType,
              params: { claims: owned.claims },
            },
          };
        }
        return { result: AuthorizeResult.ALLOW };
      }) as any,
  });
}
