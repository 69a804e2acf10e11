/**
 * Where a {@link PaletteEntityProvider} reads the objects it publishes from:
 * profiles or clusters, each identified by its name.
 *
 * @public
 */
export interface PaletteCatalogSource<T extends { name: string }> {
  /** Every object, paged internally as needed. */
  listAll(): Promise<T[]>;
  /** One object, or `undefined` when it does not exist (was deleted). */
  get(name: string): Promise<T | undefined>;
}
