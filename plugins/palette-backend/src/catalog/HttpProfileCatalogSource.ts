import {
  ProfileSummary,
  profileSummarySchema,
} from '@palette-backstage/plugin-palette-common';
import { PaletteApiReader, PaletteApiReaderOptions } from './PaletteApiReader';
import { ProfileCatalogSource } from './ProfileCatalogSource';

/** @public */
export type HttpProfileCatalogSourceOptions = PaletteApiReaderOptions;

/**
 * Reads profiles from palette-backend's REST API (`GET /profiles` and
 * `GET /profiles/:name`) with the calling plugin's service credentials.
 *
 * @public
 */
export class HttpProfileCatalogSource implements ProfileCatalogSource {
  private readonly reader: PaletteApiReader;

  constructor(options: HttpProfileCatalogSourceOptions) {
    this.reader = new PaletteApiReader(options);
  }

  listAll(): Promise<ProfileSummary[]> {
    return this.reader.listAll('/profiles', profileSummarySchema);
  }

  /** The profile without its draft: the schema strips what it does not know. */
  get(name: string): Promise<ProfileSummary | undefined> {
    return this.reader.get(
      `/profiles/${encodeURIComponent(name)}`,
      profileSummarySchema,
    );
  }
}
