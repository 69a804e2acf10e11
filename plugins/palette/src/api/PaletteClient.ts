import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  HealthReport,
  healthReportSchema,
} from '@palette-backstage/plugin-palette-common';
import { PaletteApi } from './PaletteApi';

/**
 * Calls palette-backend with the signed-in user's token (through FetchApi).
 *
 * @public
 */
export class PaletteClient implements PaletteApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getHealth(): Promise<HealthReport> {
    const response = await this.get('/health');
    // 503 still carries the report: it says which check failed.
    if (!response.ok && response.status !== 503)
      throw await ResponseError.fromResponse(response);
    return healthReportSchema.parse(await response.json());
  }

  private async get(path: string): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('palette');
    return this.options.fetchApi.fetch(`${baseUrl}${path}`);
  }
}
