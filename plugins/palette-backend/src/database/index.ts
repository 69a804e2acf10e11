/**
 * The database layer of cluster profiles: the store interface, its knex
 * implementation and the migrations of the package.
 */
export type {
  CreateProfileInput,
  ListProfilesOptions,
  ProfileFilter,
  ProfileFilterProperty,
  ProfileStore,
  PublishInput,
  SaveDraftInput,
  StoreOptions,
} from './ProfileStore';
export {
  DatabaseProfileStore,
  DEFAULT_PROFILE_PAGE_SIZE,
  MAX_PROFILE_PAGE_SIZE,
  PROFILE_TABLES,
} from './DatabaseProfileStore';
export type {
  CreateDatabaseProfileStoreOptions,
  DatabaseProfileStoreOptions,
} from './DatabaseProfileStore';
export {
  applyDatabaseMigrations,
  MIGRATIONS_TABLE,
  migrationsDirectory,
} from './migrations';
export { MAX_VERSION_LENGTH, versionSortKey } from './versionKey';
