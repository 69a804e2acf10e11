import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { z } from 'zod';

/** The largest page the list routes of palette-backend serve. */
const MAX_PAGE_SIZE = 500;
/** Listings retried when objects changed while paging. */
const MAX_LIST_ATTEMPTS = 3;

/**
 * How the HTTP catalog sources reach palette-backend.
 *
 * @public
 */
export interface PaletteApiReaderOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  /** The plugin to call; `palette` when absent. */
  pluginId?: string;
  /** Objects per list request, at most (and by default) 500. */
  pageSize?: number;
  /** How long one request may take; 30 seconds when absent. */
  timeoutMs?: number;
  /** For tests; the global `fetch` when absent. */
  fetch?: typeof fetch;
}

/**
 * Reads palette-backend's REST API with the calling plugin's service
 * credentials: one object by path, or every object of a paged list route
 * (`?limit&offset`, replying `{ items, totalCount }`).
 */
export class PaletteApiReader {
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;
  private readonly pluginId: string;
  private readonly pageSize: number;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(options: PaletteApiReaderOptions) {
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
   * Pages through a list route. Offset paging can skip or repeat an object
   * when one is created or deleted meanwhile, so a listing whose total
   * changed, or that does not add up to it, is read again (three times at
   * most, then the last one is returned). Objects are told apart by name.
   */
  async listAll<T extends { name: string }>(
    path: string,
    itemSchema: z.ZodType<T>,
  ): Promise<T[]> {
    const pageSchema = z.object({
      items: z.array(itemSchema),
      totalCount: z.number().int().min(0),
    });
    let result: { items: T[]; consistent: boolean } | undefined;
    for (let attempt = 0; attempt < MAX_LIST_ATTEMPTS; attempt++) {
      result = await this.listOnce(path, pageSchema);
      if (result.consistent) {
        break;
      }
    }
    return result!.items;
  }

  /** One object, or `undefined` when palette-backend answers 404. */
  async get<T>(path: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const baseUrl = await this.discovery.getBaseUrl(this.pluginId);
    const response = await this.request(`${baseUrl}${path}`);
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return schema.parse(await response.json());
  }

  private async listOnce<T extends { name: string }>(
    path: string,
    pageSchema: z.ZodType<{ items: T[]; totalCount: number }>,
  ): Promise<{ items: T[]; consistent: boolean }> {
    const baseUrl = await this.discovery.getBaseUrl(this.pluginId);
    const byName = new Map<string, T>();
    const totals = new Set<number>();
    let offset = 0;
    for (;;) {
      const response = await this.request(
        `${baseUrl}${path}?limit=${this.pageSize}&offset=${offset}`,
      );
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const page = pageSchema.parse(await response.json());
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
