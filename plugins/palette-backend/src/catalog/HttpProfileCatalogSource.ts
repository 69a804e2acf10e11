import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ProfileSummary,
  profileSummarySchema,
} from '@palette-backstage/plugin-palette-common';
import { z } from 'zod';
import { ProfileCatalogSource } from './ProfileCatalogSource';

const listResponseSchema = z.object({
  items: z.array(profileSummarySchema),
  totalCount: z.number().int().min(0),
});

/** The largest page `GET /profiles` serves. */
const MAX_PAGE_SIZE = 500;
/** Listings retried when profiles changed while paging. */
const MAX_LIST_ATTEMPTS = 3;

/** @public */
export interface HttpProfileCatalogSourceOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  /** The plugin to call; `palette` when absent. */
  pluginId?: string;
  /** Profiles per request, at most (and by default) 500. */
  pageSize?: number;
  /** How long one request may take; 30 seconds when absent. */
  timeoutMs?: number;
  /** For tests; the global `fetch` when absent. */
  fetch?: typeof fetch;
}

/**
 * Reads profiles from palette-backend's REST API (`GET /profiles` and
 * `GET /profiles/:name`) with the calling plugin's service credentials.
 *
 * @public
 */
export class HttpProfileCatalogSource implements ProfileCatalogSource {
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;
  private readonly pluginId: string;
  private readonly pageSize: number;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(options: HttpProfileCatalogSourceOptions) {
    this.discovery = options.discovery;
    this.auth = options.auth;
    this.pluginId = options.pluginId ?? 'palette';
    this.pageSize = Math.min(
      Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)),
      MAX_PAGE_SIZE,
    );
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * Pages through every profile. Offset paging can skip or repeat a profile
   * when one is created or deleted meanwhile, so a listing whose total
   * changed, or that does not add up to it, is read again (three times at
   * most, then the last one is returned).
   */
  async listAll(): Promise<ProfileSummary[]> {
    let result: { items: ProfileSummary[]; consistent: boolean } | undefined;
    for (let attempt = 0; attempt < MAX_LIST_ATTEMPTS; attempt++) {
      result = await this.listOnce();
      if (result.consistent) {
        break;
      }
    }
    return result!.items;
  }

  async get(name: string): Promise<ProfileSummary | undefined> {
    const baseUrl = await this.discovery.getBaseUrl(this.pluginId);
    const response = await this.request(
      `${baseUrl}/profiles/${encodeURIComponent(name)}`,
    );
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return profileSummarySchema.parse(await response.json());
  }

  private async listOnce(): Promise<{
    items: ProfileSummary[];
    consistent: boolean;
  }> {
    const baseUrl = await this.discovery.getBaseUrl(this.pluginId);
    const byName = new Map<string, ProfileSummary>();
    const totals = new Set<number>();
    let offset = 0;
    for (;;) {
      const response = await this.request(
        `${baseUrl}/profiles?limit=${this.pageSize}&offset=${offset}`,
      );
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const page = listResponseSchema.parse(await response.json());
      for (const item of page.items) {
        byName.set(item.name, item);
      }
      totals.add(page.totalCount);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.totalCount) {
        return {
          items: [...byName.values()],
          consistent: totals.size === 1 && byName.size === page.totalCount,
        };
      }
    }
  }

  private async request(url: string): Promise<Response> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: this.pluginId,
    });
    return this.fetchFn(url, {
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
      },
      // A hung request would hold up every later sync and delta.
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}
