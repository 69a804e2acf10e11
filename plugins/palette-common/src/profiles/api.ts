import { z } from 'zod';
import { cloudTypeSchema } from '../packs/types';
import {
  PROFILE_NAME_PATTERN,
  profileLayerSchema,
  profileTypeSchema,
  profileVariableSchema,
} from './types';

/**
 * The REST contract of the profile routes of palette-backend
 * (`/api/palette/...`), shared by the router and the frontend client.
 */

/** One published version of a profile, without its layers. @public */
export const profileVersionInfoSchema = z.object({
  version: z.string(),
  changeNote: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  deprecated: z.boolean(),
});
/** @public */
export type ProfileVersionInfo = z.infer<typeof profileVersionInfoSchema>;

/** A profile as lists show it. @public */
export const profileSummarySchema = z.object({
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  type: profileTypeSchema,
  cloudType: cloudTypeSchema,
  /** Entity ref of the owning group, e.g. `group:default/platform-team`. */
  owner: z.string(),
  tags: z.array(z.string()),
  /** Highest published version that is not deprecated. */
  latestVersion: z.string().optional(),
  /** Published versions, highest first. */
  versions: z.array(profileVersionInfoSchema),
  hasDraft: z.boolean(),
  /** `os, k8s, cni, csi` pack names of the latest version (or the draft), for lists. */
  layerSummary: z.array(
    z.object({
      layer: z.string(),
      packName: z.string(),
      packVersion: z.string(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** @public */
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

/** The editable draft of a profile, with who last saved it. @public */
export const profileDraftRecordSchema = z.object({
  layers: z.array(profileLayerSchema),
  variables: z.array(profileVariableSchema),
  /** The version the draft started from, when it did. */
  baseVersion: z.string().optional(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
/** @public */
export type ProfileDraftRecord = z.infer<typeof profileDraftRecordSchema>;

/** `GET /profiles/:name`. @public */
export const profileDetailsSchema = profileSummarySchema.extend({
  draft: profileDraftRecordSchema.optional(),
});
/** @public */
export type ProfileDetails = z.infer<typeof profileDetailsSchema>;

/** `GET /profiles` query. @public */
export const listProfilesQuerySchema = z.object({
  type: profileTypeSchema.optional(),
  cloudType: cloudTypeSchema.optional(),
  owner: z.string().optional(),
  tag: z.string().optional(),
  /** Case-insensitive match on name, display name and description. */
  search: z.string().optional(),
  /** Only profiles with a published, non-deprecated version. */
  publishedOnly: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** @public */
export type ListProfilesQuery = z.infer<typeof listProfilesQuerySchema>;

/** `GET /profiles` reply. @public */
export interface ListProfilesResponse {
  items: ProfileSummary[];
  totalCount: number;
}

/** `POST /profiles` body: a new profile and its first draft. @public */
export const createProfileRequestSchema = z.object({
  name: z
    .string()
    .regex(
      PROFILE_NAME_PATTERN,
      'must be lower-case letters, digits and dashes, starting with a letter',
    ),
  displayName: z.string().max(100).optional(),
  description: z.string().max(2000).optional(),
  type: profileTypeSchema,
  cloudType: cloudTypeSchema,
  owner: z.string().min(1),
  tags: z
    .array(z.string().regex(/^[a-z0-9:+#.-]{1,63}$/, 'must be a catalog tag'))
    .max(20)
    .default([]),
  layers: z.array(profileLayerSchema).default([]),
  variables: z.array(profileVariableSchema).default([]),
});
/** @public */
export type CreateProfileRequest = z.input<typeof createProfileRequestSchema>;

/** `PUT /profiles/:name/draft` body. @public */
export const saveDraftRequestSchema = z.object({
  layers: z.array(profileLayerSchema),
  variables: z.array(profileVariableSchema).default([]),
});
/** @public */
export type SaveDraftRequest = z.input<typeof saveDraftRequestSchema>;

/** `POST /profiles/:name/publish` body. @public */
export const publishRequestSchema = z.object({
  version: z.string().min(1),
  changeNote: z.string().min(1, 'a change note is required').max(2000),
});
/** @public */
export type PublishRequest = z.infer<typeof publishRequestSchema>;

/** `POST /profiles/:name/versions/:version/deprecate` body. @public */
export const deprecateRequestSchema = z.object({
  deprecated: z.boolean().default(true),
});

/** One audited change. @public */
export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  /** Entity ref of the user, or the service that acted. */
  actor: z.string(),
  /** e.g. `profile.publish`. */
  action: z.string(),
  /** e.g. `profile:aws-infra` or `profile:aws-infra@1.2.0`. */
  target: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
/** @public */
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** `GET /audit` query. @public */
export const listAuditQuerySchema = z.object({
  actor: z.string().optional(),
  /** Prefix match, so `profile:aws-infra` finds its versions too. */
  target: z.string().optional(),
  action: z.string().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
/** @public */
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
