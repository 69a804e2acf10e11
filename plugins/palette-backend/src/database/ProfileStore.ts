import { PropertyFilter } from './propertyFilter';
import type {
  CloudType,
  ListProfilesQuery,
  ListProfilesResponse,
  Pack,
  ProfileDetails,
  ProfileDraftRecord,
  ProfileLayer,
  ProfileType,
  ProfileVariable,
  ProfileVersion,
  ProfileVersionInfo,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';

/** The profile properties a {@link ProfileFilter} can test. */
export type ProfileFilterProperty = 'owner' | 'name';

/** A condition on profiles (see {@link PropertyFilter}); `owner` compares case-insensitively. */
export type ProfileFilter = PropertyFilter<ProfileFilterProperty>;

/** The query of {@link ProfileStore.listProfiles}. */
export type ListProfilesOptions = Partial<ListProfilesQuery> & {
  /** The permission filter; every profile when absent. */
  filter?: ProfileFilter;
};

/**
 * Runs a store call in the caller's transaction. Mutations then run in a
 * savepoint of it, so a failed mutation leaves the transaction usable and
 * neither the change nor its audit event behind; both commit (or roll back)
 * with the caller's transaction.
 */
export interface StoreOptions {
  tx?: Knex.Transaction;
}

/** A new profile and its first draft. */
export interface CreateProfileInput {
  /** A lowercase DNS label, e.g. `aws-infra`. */
  name: string;
  displayName?: string;
  description?: string;
  type: ProfileType;
  cloudType: CloudType;
  /** Entity ref of the owning group, e.g. `group:default/platform-team`. */
  owner: string;
  tags?: string[];
  layers?: ProfileLayer[];
  variables?: ProfileVariable[];
}

/** The content of a draft. */
export interface SaveDraftInput {
  layers: ProfileLayer[];
  variables?: ProfileVariable[];
  /**
   * The version the draft starts from. Defaults to the current draft's, or,
   * when there is no draft, to the highest published version.
   */
  baseVersion?: string;
}

/** What {@link ProfileStore.publish} publishes the draft as. */
export interface PublishInput {
  version: string;
  changeNote: string;
}

/**
 * The persistence of cluster profiles, their drafts and published versions,
 * and custom packs. Every mutation records an audit event (`actor` is the
 * entity ref of the user or service) in the same transaction as the change.
 *
 * Input is expected to have passed the API's zod schemas; the store checks
 * existence, uniqueness and the version rules, and throws the Backstage
 * errors `NotFoundError`, `ConflictError` and `InputError`.
 */
export interface ProfileStore {
  /**
   * Profiles ordered by name, one page at a time, with their published
   * versions, latest version, draft flag and layer summary. A bounded number
   * of queries per page, whatever its size.
   */
  listProfiles(
    query?: ListProfilesOptions,
    options?: StoreOptions,
  ): Promise<ListProfilesResponse>;

  /** A profile with its versions and its draft, if it exists. */
  getProfile(
    name: string,
    options?: StoreOptions,
  ): Promise<ProfileDetails | undefined>;

  /** One published version with its layers and variables, if it exists. */
  getVersion(
    name: string,
    version: string,
    options?: StoreOptions,
  ): Promise<ProfileVersion | undefined>;

  /**
   * Creates a profile and its first draft. Audit: `profile.create` on
   * `profile:<name>`.
   *
   * @throws ConflictError when the name is taken.
   */
  createProfile(
    input: CreateProfileInput,
    actor: string,
    options?: StoreOptions,
  ): Promise<ProfileDetails>;

  /**
   * Creates or replaces the draft of a profile. Audit: `profile.draft.save`
   * on `profile:<name>`.
   *
   * @throws NotFoundError when the profile does not exist.
   */
  saveDraft(
    name: string,
    input: SaveDraftInput,
    actor: string,
    options?: StoreOptions,
  ): Promise<ProfileDraftRecord>;

  /**
   * Publishes the draft as an immutable version, which must be greater than
   * every published version, and deletes the draft. Of two concurrent
   * publications, one wins. Audit: `profile.publish` on
   * `profile:<name>@<version>`.
   *
   * @throws NotFoundError when the profile does not exist.
   * @throws InputError when the version is not a semantic version.
   * @throws ConflictError when there is no draft, or the version exists or
   *   is not greater than the latest published one.
   */
  publish(
    name: string,
    input: PublishInput,
    actor: string,
    options?: StoreOptions,
  ): Promise<ProfileVersion>;

  /**
   * Marks a version deprecated (or not); the only change a published
   * version allows. Audit: `profile.deprecate` or `profile.undeprecate` on
   * `profile:<name>@<version>`.
   *
   * @throws NotFoundError when the version does not exist.
   */
  setDeprecated(
    name: string,
    version: string,
    deprecated: boolean,
    actor: string,
    options?: StoreOptions,
  ): Promise<ProfileVersionInfo>;

  /**
   * Deletes a published version. The caller checks that no cluster runs it.
   * Audit: `profile.version.delete` on `profile:<name>@<version>`.
   *
   * @throws NotFoundError when the version does not exist.
   */
  deleteVersion(
    name: string,
    version: string,
    actor: string,
    options?: StoreOptions,
  ): Promise<void>;

  /**
   * Deletes a profile with its draft and versions. The caller checks that no
   * cluster runs it. Audit: `profile.delete` on `profile:<name>`.
   *
   * @throws NotFoundError when the profile does not exist.
   */
  deleteProfile(
    name: string,
    actor: string,
    options?: StoreOptions,
  ): Promise<void>;

  /** The stored custom packs, by name and then highest version first. */
  listCustomPacks(options?: StoreOptions): Promise<Pack[]>;

  /**
   * Stores a custom pack (built and checked by `PackRegistry.addCustomPack`).
   * Audit: `pack.create` on `pack:<name>@<version>`.
   *
   * @throws ConflictError when this name and version exist.
   */
  addCustomPack(
    pack: Pack,
    actor: string,
    options?: StoreOptions,
  ): Promise<Pack>;
}
