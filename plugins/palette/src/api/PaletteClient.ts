import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CreateProfileRequest,
  HealthReport,
  healthReportSchema,
  ListProfilesQuery,
  ListProfilesResponse,
  Pack,
  packSchema,
  ProfileDetails,
  profileDetailsSchema,
  ProfileDiff,
  profileDiffSchema,
  profileSummarySchema,
  ProfileVersion,
  profileVersionSchema,
  PublishRequest,
  SaveDraftRequest,
  ValidationMessage,
  validationMessageSchema,
} from '@palette-backstage/plugin-palette-common';
import { ListPacksFilter, PaletteApi, SaveDraftResponse } from './PaletteApi';

const packListSchema = packSchema.array();
const profileSummaryListSchema = profileSummarySchema.array();
const validationMessageListSchema = validationMessageSchema.array();

type QueryValue = string | number | boolean | undefined | null;

function queryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const segment = encodeURIComponent;

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

  async listPacks(filter: ListPacksFilter = {}): Promise<{ items: Pack[] }> {
    const body = await this.json(
      `/packs${queryString({
        layer: filter.layer,
        cloudType: filter.cloudType,
        name: filter.name,
      })}`,
    );
    return { items: packListSchema.parse(body.items) };
  }

  async listProfiles(
    query: Partial<ListProfilesQuery>,
  ): Promise<ListProfilesResponse> {
    const body = await this.json(`/profiles${queryString(query)}`);
    const items = profileSummaryListSchema.parse(body.items);
    const totalCount =
      typeof body.totalCount === 'number' ? body.totalCount : items.length;
    return { items, totalCount };
  }

  async getProfile(name: string): Promise<ProfileDetails> {
    return profileDetailsSchema.parse(
      await this.json(`/profiles/${segment(name)}`),
    );
  }

  async createProfile(request: CreateProfileRequest): Promise<ProfileDetails> {
    return profileDetailsSchema.parse(
      await this.json('/profiles', { method: 'POST', json: request }),
    );
  }

  async saveDraft(
    name: string,
    request: SaveDraftRequest,
  ): Promise<SaveDraftResponse> {
    const body = await this.json(`/profiles/${segment(name)}/draft`, {
      method: 'PUT',
      json: request,
    });
    return {
      profile: profileDetailsSchema.parse(body.profile),
      messages: validationMessageListSchema.parse(body.messages ?? []),
    };
  }

  async validateDraft(
    name: string,
  ): Promise<{ messages: ValidationMessage[] }> {
    const body = await this.json(`/profiles/${segment(name)}/validate`, {
      method: 'POST',
    });
    return { messages: validationMessageListSchema.parse(body.messages ?? []) };
  }

  async publish(
    name: string,
    request: PublishRequest,
  ): Promise<ProfileDetails> {
    return profileDetailsSchema.parse(
      await this.json(`/profiles/${segment(name)}/publish`, {
        method: 'POST',
        json: request,
      }),
    );
  }

  async setDeprecated(
    name: string,
    version: string,
    deprecated: boolean,
  ): Promise<ProfileDetails> {
    return profileDetailsSchema.parse(
      await this.json(
        `/profiles/${segment(name)}/versions/${segment(version)}/deprecate`,
        { method: 'POST', json: { deprecated } },
      ),
    );
  }

  async deleteVersion(name: string, version: string): Promise<void> {
    await this.request(
      `/profiles/${segment(name)}/versions/${segment(version)}`,
      { method: 'DELETE' },
    );
  }

  async deleteProfile(name: string): Promise<void> {
    await this.request(`/profiles/${segment(name)}`, { method: 'DELETE' });
  }

  async getProfileVersion(
    name: string,
    version: string,
  ): Promise<ProfileVersion> {
    return profileVersionSchema.parse(
      await this.json(
        `/profiles/${segment(name)}/versions/${segment(version)}`,
      ),
    );
  }

  async diffProfile(
    name: string,
    from: string,
    to: string,
  ): Promise<ProfileDiff> {
    return profileDiffSchema.parse(
      await this.json(
        `/profiles/${segment(name)}/diff${queryString({ from, to })}`,
      ),
    );
  }

  async exportProfileVersion(name: string, version: string): Promise<string> {
    const response = await this.request(
      `/profiles/${segment(name)}/versions/${segment(version)}/export`,
    );
    return response.text();
  }

  async importProfile(
    yaml: string,
    options: { owner?: string } = {},
  ): Promise<ProfileDetails> {
    const response = await this.request(
      `/profiles/import${queryString({ owner: options.owner })}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml' },
        body: yaml,
      },
    );
    return profileDetailsSchema.parse(await response.json());
  }

  private async get(path: string): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('palette');
    return this.options.fetchApi.fetch(`${baseUrl}${path}`);
  }

  /** Sends a request and throws a ResponseError for non-OK replies. */
  private async request(
    path: string,
    init: RequestInit & { json?: unknown } = {},
  ): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('palette');
    const { json, ...rest } = init;
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      json === undefined
        ? rest
        : {
            ...rest,
            headers: { 'Content-Type': 'application/json', ...rest.headers },
            body: JSON.stringify(json),
          },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async json(
    path: string,
    init?: RequestInit & { json?: unknown },
  ): Promise<any> {
    const response = await this.request(path, init);
    return response.json();
  }
}
