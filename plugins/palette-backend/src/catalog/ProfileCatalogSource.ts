import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import { PaletteCatalogSource } from './PaletteCatalogSource';

/**
 * Where {@link PaletteProfileEntityProvider} reads profiles from.
 *
 * @public
 */
export type ProfileCatalogSource = PaletteCatalogSource<ProfileSummary>;
