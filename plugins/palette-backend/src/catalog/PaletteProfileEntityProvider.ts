import {
  PROFILE_NAME_PATTERN,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';
import {
  PALETTE_PROFILES_LOCATION,
  PALETTE_PROFILES_PROVIDER_NAME,
} from './constants';
import {
  DEFAULT_PALETTE_SYNC_SCHEDULE,
  PaletteEntityKind,
  PaletteEntityProvider,
  PaletteEntityProviderCreateOptions,
  PaletteEntityProviderOptions,
  syncScheduleOf,
} from './PaletteEntityProvider';
import { profileToEntity } from './profileToEntity';

/**
 * The default cadence of the full profile sync.
 *
 * @public
 */
export const DEFAULT_PROFILE_SYNC_SCHEDULE = DEFAULT_PALETTE_SYNC_SCHEDULE;

/** @public */
export type PaletteProfileEntityProviderOptions =
  PaletteEntityProviderOptions<ProfileSummary>;

const profileKind: PaletteEntityKind<ProfileSummary> = {
  providerName: PALETTE_PROFILES_PROVIDER_NAME,
  locationKey: PALETTE_PROFILES_LOCATION,
  noun: 'cluster profile',
  isValidName: name => PROFILE_NAME_PATTERN.test(name),
  toEntity: profileToEntity,
};

/**
 * Publishes every cluster profile to the catalog as a `Resource` entity of
 * type `cluster-profile`: a full sync on connect and on `refresh()`, a delta
 * on {@link PaletteProfileEntityProvider.profileChanged}.
 *
 * @public
 */
export class PaletteProfileEntityProvider extends PaletteEntityProvider<ProfileSummary> {
  /**
   * Creates a provider; with `schedule` (or `scheduler`, which then runs
   * {@link DEFAULT_PROFILE_SYNC_SCHEDULE}) it also syncs periodically.
   */
  static create(
    options: PaletteEntityProviderCreateOptions<PaletteProfileEntityProviderOptions>,
  ): PaletteProfileEntityProvider {
    return new PaletteProfileEntityProvider({
      ...options,
      schedule: syncScheduleOf(options),
    });
  }

  constructor(options: PaletteProfileEntityProviderOptions) {
    super(profileKind, options);
  }

  /** Re-reads one profile and adds, updates or removes its entity. */
  profileChanged(name: string): Promise<void> {
    return this.entityChanged(name);
  }
}
