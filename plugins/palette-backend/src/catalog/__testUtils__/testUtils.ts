import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  FieldFormatEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { PaletteCatalogSource } from '../PaletteCatalogSource';

/** Test helpers shared by the profile and cluster tests of the catalog. */

/** An in-memory source whose objects the tests change. */
export class FakeSource<T extends { name: string }>
  implements PaletteCatalogSource<T>
{
  readonly items = new Map<string, T>();
  readonly listAll = jest.fn(async () => [...this.items.values()]);
  readonly get = jest.fn(async (name: string) => this.items.get(name));

  constructor(...items: T[]) {
    items.forEach(item => this.put(item));
  }

  put(item: T) {
    this.items.set(item.name, item);
  }
}

/** A catalog connection that records the mutations applied to it. */
export function fakeConnection() {
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection & {
    applyMutation: jest.Mock;
  } = {
    applyMutation: jest.fn(async (mutation: EntityProviderMutation) => {
      mutations.push(mutation);
    }),
    refresh: jest.fn(),
  };
  return { connection, mutations };
}

/** The sorted entity names of a full mutation's entities. */
export function namesOf(
  entities: { entity: { metadata: { name: string } } }[],
) {
  return entities.map(e => e.entity.metadata.name).sort();
}

/** Lets every pending promise callback and I/O callback run. */
export function flush() {
  return new Promise(resolve => setImmediate(resolve));
}

/** A promise with its settle functions. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Runs the checks the catalog runs on every entity before it stores it. */
export async function expectAcceptedByCatalog(entity: object) {
  const typed = entity as Parameters<
    typeof resourceEntityV1alpha1Validator.check
  >[0];
  await expect(new SchemaValidEntityPolicy().enforce(typed)).resolves.toBe(
    typed,
  );
  await expect(new FieldFormatEntityPolicy().enforce(typed)).resolves.toBe(
    typed,
  );
  await expect(resourceEntityV1alpha1Validator.check(typed)).resolves.toBe(
    true,
  );
}

/** Where the HTTP source tests find palette-backend. */
export const PALETTE_BASE_URL = 'http://palette.internal:7007/api/palette';

/** The token mockServices.auth issues to the catalog for palette. */
export const CATALOG_SERVICE_TOKEN = mockCredentials.service.token({
  onBehalfOf: mockCredentials.service('plugin:catalog'),
  targetPluginId: 'palette',
});

/** A JSON reply. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The 404 palette-backend answers for an unknown name. */
export function notFound(): Response {
  return json({ error: { name: 'NotFoundError', message: 'not found' } }, 404);
}

/**
 * A `fetch` that answers from `handler` with the path below `/api/palette`,
 * recording every request.
 */
export function recordingFetch(
  handler: (path: string, url: URL) => Response | Promise<Response>,
) {
  const requests: { url: URL; headers: Headers }[] = [];
  const fetchFn = jest.fn(
    async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      requests.push({ url, headers: new Headers(init?.headers) });
      return handler(url.pathname.replace('/api/palette', ''), url);
    },
  );
  return { fetchFn, requests };
}

/** A paged list reply (`?limit&offset`) over `items`. */
export function pageOf(url: URL, items: readonly unknown[]) {
  const limit = Number(url.searchParams.get('limit'));
  const offset = Number(url.searchParams.get('offset'));
  return {
    items: items.slice(offset, offset + limit),
    totalCount: items.length,
  };
}

/** Discovery and auth as the catalog plugin gets them. */
export function catalogApiDeps() {
  return {
    discovery: mockServices.discovery.mock({
      getBaseUrl: jest.fn(async () => PALETTE_BASE_URL),
    }),
    auth: mockServices.auth({ pluginId: 'catalog' }),
  };
}
