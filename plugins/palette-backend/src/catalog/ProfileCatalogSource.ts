import { ProfileSummary } from '@palette-backstage/plugin-palette-common';

/**
 * Where {@link PaletteProfileEntityProvider} reads profiles from.
 *
 * @public
 */
export interface ProfileCatalogSource {
  /** Every profile, paged internally as needed. */
  listAll(): Promise<ProfileSummary[]>;
  /** One profile, or `undefined` when it does not exist (was deleted). */
  get(name: string): Promise<ProfileSummary | undefined>;
}
