import { createApiRef } from '@backstage/core-plugin-api';
import { HealthReport } from '@palette-backstage/plugin-palette-common';

/**
 * The frontend's view of palette-backend.
 *
 * @public
 */
export interface PaletteApi {
  /** The health of the database and the management clusters. */
  getHealth(): Promise<HealthReport>;
}

/** @public */
export const paletteApiRef = createApiRef<PaletteApi>({
  id: 'plugin.palette.api',
});
