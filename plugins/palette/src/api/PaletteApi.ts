import { createApiRef } from '@backstage/core-plugin-api';
import {
  CloudType,
  CreateProfileRequest,
  HealthReport,
  ListProfilesQuery,
  ListProfilesResponse,
  Pack,
  PackLayer,
  ProfileDetails,
  ProfileDiff,
  ProfileVersion,
  PublishRequest,
  SaveDraftRequest,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';

/**
 * Which packs `listPacks` returns: all of them when empty.
 *
 * @public
 */
export interface ListPacksFilter {
  /** Only packs of this layer. */
  layer?: PackLayer;
  /** Only packs that support this cloud type (or `all`). */
  cloudType?: CloudType;
  /** Only the versions of this pack. */
  name?: string;
}

/**
 * The reply of `saveDraft`: the saved profile and what validation found.
 *
 * @public
 */
export interface SaveDraftResponse {
  profile: ProfileDetails;
  messages: ValidationMessage[];
}

/**
 * The frontend's view of palette-backend.
 *
 * @public
 */
export interface PaletteApi {
  /** The health of the database and the management clusters. */
  getHealth(): Promise<HealthReport>;

  /** Pack versions of the registry (one item per pack version). */
  listPacks(filter?: ListPacksFilter): Promise<{ items: Pack[] }>;

  /** A page of profiles, filtered on the server. */
  listProfiles(
    query: Partial<ListProfilesQuery>,
  ): Promise<ListProfilesResponse>;

  /** One profile with its versions and its draft. */
  getProfile(name: string): Promise<ProfileDetails>;

  /** Creates a profile and its first draft. */
  createProfile(request: CreateProfileRequest): Promise<ProfileDetails>;

  /** Replaces the draft of a profile (creating it when there is none). */
  saveDraft(
    name: string,
    request: SaveDraftRequest,
  ): Promise<SaveDraftResponse>;

  /** Validates the saved draft. */
  validateDraft(name: string): Promise<{ messages: ValidationMessage[] }>;

  /** Publishes the saved draft as a new version. */
  publish(name: string, request: PublishRequest): Promise<ProfileDetails>;

  /** Deprecates (or undeprecates) a published version. */
  setDeprecated(
    name: string,
    version: string,
    deprecated: boolean,
  ): Promise<ProfileDetails>;

  /** Deletes a published version that no cluster runs. */
  deleteVersion(name: string, version: string): Promise<void>;

  /** Deletes a profile with all its versions and its draft. */
  deleteProfile(name: string): Promise<void>;

  /** One published version with its layers and variables. */
  getProfileVersion(name: string, version: string): Promise<ProfileVersion>;

  /** What changed between two versions; `to` may be `draft`. */
  diffProfile(name: string, from: string, to: string): Promise<ProfileDiff>;

  /** A published version as a `ClusterProfile` YAML document. */
  exportProfileVersion(name: string, version: string): Promise<string>;

  /**
   * Creates a profile from a `ClusterProfile` YAML document. The document
   * carries no ownership: `owner` names the owning group (palette-backend
   * requires it).
   */
  importProfile(
    yaml: string,
    options?: { owner?: string },
  ): Promise<ProfileDetails>;
}

/** @public */
export const paletteApiRef = createApiRef<PaletteApi>({
  id: 'plugin.palette.api',
});
