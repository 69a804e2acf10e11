import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ClusterDetails,
  ClusterDryRunResponse,
  ClusterEvent,
  ClusterRequestInput,
} from '@palette-backstage/plugin-palette-common';
import { toPaletteError } from './toPaletteError';

/** The plugin whose REST API the client calls. */
const PALETTE_PLUGIN_ID = 'palette';

/**
 * How {@link PaletteClusterClient} reaches palette-backend.
 *
 * @public
 */
export interface PaletteClusterClientOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  /** How long one request may take; 30 seconds when absent. */
  timeoutMs?: number;
  /** For tests; the global `fetch` when absent. */
  fetch?: typeof fetch;
}

/**
 * Who a call is made for, and when to give up on it.
 *
 * @public
 */
export interface PaletteCallOptions {
  /**
   * The caller: the template's initiator, so that palette-backend applies
   * the user's own permissions and governance.
   */
  credentials: BackstageCredentials;
  /** Aborts the request, e.g. when the task is cancelled. */
  signal?: AbortSignal;
}

/**
 * The cluster routes of palette-backend that template actions call. Replies
 * other than 2xx are thrown as `InputError` (400), `AuthenticationError`
 * (401), `NotAllowedError` (403), `NotFoundError` (404) and `ConflictError`
 * (409) carrying the server's message, and as `ResponseError` otherwise.
 *
 * @public
 */
export class PaletteClusterClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: PaletteClusterClientOptions) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** `POST /clusters`: requests a cluster (phase `PendingApproval` when governance wants an approval). */
  createCluster(
    request: ClusterRequestInput,
    options: PaletteCallOptions,
  ): Promise<ClusterDetails> {
    return this.#call('POST', '/clusters', options, request);
  }

  /** `POST /clusters?dryRun=true`: validation, governance and manifests; nothing is stored. */
  dryRunCluster(
    request: ClusterRequestInput,
    options: PaletteCallOptions,
  ): Promise<ClusterDryRunResponse> {
    return this.#call('POST', '/clusters?dryRun=true', options, request);
  }

  /** `GET /clusters/:name`. */
  getCluster(
    name: string,
    options: PaletteCallOptions,
  ): Promise<ClusterDetails> {
    return this.#call('GET', `/clusters/${encodeURIComponent(name)}`, options);
  }

  /** `GET /clusters/:name/events`: the cluster's timeline, newest first. */
  async listClusterEvents(
    name: string,
    options: PaletteCallOptions & { limit?: number },
  ): Promise<ClusterEvent[]> {
    const query = options.limit ? `?limit=${options.limit}` : '';
    const { items } = await this.#call<{ items: ClusterEvent[] }>(
      'GET',
      `/clusters/${encodeURIComponent(name)}/events${query}`,
      options,
    );
    return items;
  }

  async #call<T>(
    method: 'GET' | 'POST',
    path: string,
    { credentials, signal }: PaletteCallOptions,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.#discovery.getBaseUrl(PALETTE_PLUGIN_ID);
    // A token per call: a long wait outlives any single token.
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: PALETTE_PLUGIN_ID,
    });
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const response = await this.#fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!response.ok) {
      throw await toPaletteError(response);
    }
    return (await response.json()) as T;
  }
}
