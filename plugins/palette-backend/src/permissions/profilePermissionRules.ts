import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  PALETTE_PROFILE_RESOURCE_TYPE,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';
import { z } from 'zod';

/**
 * What a profile permission condition becomes in a store query: a property
 * of the profile and the values it may have. Conditions combine with
 * allOf / anyOf / not into the store's `ProfileFilter`.
 */
export type ProfileQuery = { property: 'owner' | 'name'; values: string[] };

/** Profiles as a resource of the permission framework. @public */
export const paletteProfileResourceRef = createPermissionResourceRef<
  ProfileSummary,
  ProfileQuery
>().with({
  pluginId: 'palette',
  resourceType: PALETTE_PROFILE_RESOURCE_TYPE,
});

/**
 * Matches profiles owned by one of the given entity refs: a policy passes
 * the user's ownership claims, so a group manages its own profiles.
 */
const isProfileOwner = createPermissionRule({
  name: 'IS_PROFILE_OWNER',
  description:
    'Allow profiles whose owning group is one of the given entity refs (e.g. the user’s ownership claims)',
  resourceRef: paletteProfileResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs, e.g. group:default/platform-team'),
  }),
  apply: (profile, { claims }) => claims.includes(profile.owner),
  toQuery: ({ claims }) => ({ property: 'owner', values: claims }),
});

/** Matches profiles by name. */
const isProfileNamed = createPermissionRule({
  name: 'IS_PROFILE_NAMED',
  description: 'Allow the profiles with the given names',
  resourceRef: paletteProfileResourceRef,
  paramsSchema: z.object({
    names: z.array(z.string()).describe('Profile names'),
  }),
  apply: (profile, { names }) => names.includes(profile.name),
  toQuery: ({ names }) => ({ property: 'name', values: names }),
});

/** The conditional rules of profile permissions. @public */
export const paletteProfilePermissionRules = { isProfileOwner, isProfileNamed };

/**
 * Conditions for permission policies: e.g.
 * `createPaletteProfileConditionalDecision(permission, paletteProfileConditions.isProfileOwner({ claims: user.identity.ownershipEntityRefs }))`.
 *
 * @public
 */
export const {
  conditions: paletteProfileConditions,
  createConditionalDecision: createPaletteProfileConditionalDecision,
} = createConditionExports({
  resourceRef: paletteProfileResourceRef,
  rules: paletteProfilePermissionRules,
});
