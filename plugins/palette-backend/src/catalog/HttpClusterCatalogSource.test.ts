import { ResponseError } from '@backstage/errors';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { HttpClusterCatalogSource } from './HttpClusterCatalogSource';
import { eksCluster, eksClusterDetails } from './testFixtures';
import {
  CATALOG_SERVICE_TOKEN,
  catalogApiDeps,
  deferred,
  flush,
  json,
  notFound,
  pageOf,
  recordingFetch,
} from './__testUtils__/testUtils';

/** Clusters `c-000` … named in order, for paging tests. */
function manyClusters(count: number): ClusterDetails[] {
  return Array.from({ length: count }, (_, i) =>
    eksClusterDetails({ name: `c-${String(i).padStart(3, '0')}` }),
  );
}

/**
 * Serves `GET /clusters?limit&offset` (summaries with phase counts) and
 * `GET /clusters/:name` (details) from a map the tests change.
 */
function fakePalette(initial: ClusterDetails[]) {
  const clusters = new Map(initial.map(c => [c.name, c]));
  const palette = recordingFetch((path, url) => {
    if (path === '/clusters') {
      const summaries = [...clusters.values()].map(
        ({ name, phase, provider }) => ({ name, phase, provider }),
      );
      return json({ ...pageOf(url, summaries), phaseCounts: { Running: 1 } });
    }
    const match = /^\/clusters\/([^/]+)$/.exec(path);
    const found = match && clusters.get(decodeURIComponent(match[1]));
    return found ? json(found) : notFound();
  });
  return { ...palette, clusters };
}

function createSource(
  fetchFn: typeof fetch,
  options: { pageSize?: number; concurrency?: number } = {},
) {
  const { discovery, auth } = catalogApiDeps();
  return new HttpClusterCatalogSource({
    discovery,
    auth,
    fetch: fetchFn,
    ...options,
  });
}

describe('HttpClusterCatalogSource', () => {
  it('reads one cluster as the catalog record of its details', async () => {
    const palette = fakePalette([eksClusterDetails()]);
    const source = createSource(palette.fetchFn);

    await expect(source.get('payments-prod')).resolves.toEqual(eksCluster());
    expect(palette.requests[0].url.pathname).toBe(
      '/api/palette/clusters/payments-prod',
    );
    expect(palette.requests[0].headers.get('authorization')).toBe(
      `Bearer ${CATALOG_SERVICE_TOKEN}`,
    );
  });

  it('answers undefined for a cluster that does not exist, encoding the name', async () => {
    const palette = fakePalette([]);
    const source = createSource(palette.fetchFn);

    await expect(source.get('a/b')).resolves.toBeUndefined();
    expect(palette.requests[0].url.pathname).toBe(
      '/api/palette/clusters/a%2Fb',
    );
  });

  it('treats null optional fields as absent and keeps a served CA bundle', async () => {
    const details = {
      ...eksClusterDetails(),
      apiServer: null,
      kubernetesVersion: null,
      apiServerCertificateAuthority: 'LS0tLS1CRUdJTi==',
      request: { ...eksClusterDetails().request, description: null },
    };
    const source = createSource(jest.fn(async () => json(details)));

    const record = await source.get('payments-prod');

    expect(record).toMatchObject({
      name: 'payments-prod',
      apiServerCertificateAuthority: 'LS0tLS1CRUdJTi==',
    });
    expect(record?.apiServer).toBeUndefined();
    expect(record?.kubernetesVersion).toBeUndefined();
    expect(record?.description).toBeUndefined();
  });

  it('lists every cluster page by page, then reads the details of each', async () => {
    const all = manyClusters(5);
    const palette = fakePalette(all);
    const source = createSource(palette.fetchFn, { pageSize: 2 });

    const listed = await source.listAll();

    expect(listed.map(c => c.name)).toEqual(all.map(c => c.name));
    expect(listed[0]).toEqual(eksCluster({ name: 'c-000' }));
    const listings = palette.requests
      .filter(r => r.url.pathname === '/api/palette/clusters')
      .map(r => r.url.searchParams.get('offset'));
    expect(listings).toEqual(['0', '2', '4']);
    const reads = palette.requests
      .map(r => r.url.pathname)
      .filter(p => p.startsWith('/api/palette/clusters/'));
    expect(reads.sort()).toEqual(
      all.map(c => `/api/palette/clusters/${c.name}`),
    );
    for (const { headers } of palette.requests) {
      expect(headers.get('authorization')).toBe(
        `Bearer ${CATALOG_SERVICE_TOKEN}`,
      );
    }
  });

  it('leaves out a cluster deleted between the listing and its read', async () => {
    const palette = fakePalette(manyClusters(3));
    const source = createSource(palette.fetchFn);
    palette.fetchFn.mockImplementationOnce(async (input, init) => {
      const response = await fakePalette(manyClusters(3)).fetchFn(input, init);
      palette.clusters.delete('c-001');
      return response;
    });

    const listed = await source.listAll();

    expect(listed.map(c => c.name)).toEqual(['c-000', 'c-002']);
  });

  it('reads at most `concurrency` details at once', async () => {
    const all = manyClusters(7);
    const gate = deferred<void>();
    let inFlight = 0;
    let maxInFlight = 0;
    const palette = fakePalette(all);
    const fetchFn = jest.fn(
      async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!String(input).includes('/clusters/')) {
          return palette.fetchFn(input, init);
        }
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await gate.promise;
        inFlight--;
        return palette.fetchFn(input, init);
      },
    );
    const source = createSource(fetchFn, { concurrency: 3 });

    const listing = source.listAll();
    await flush();
    expect(inFlight).toBe(3);
    gate.resolve();

    await expect(listing).resolves.toHaveLength(7);
    expect(maxInFlight).toBe(3);
  });

  it('fails the listing when a read fails, and stops reading', async () => {
    const palette = fakePalette(manyClusters(6));
    const fetchFn = jest.fn(
      async (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).endsWith('/clusters/c-000')
          ? json({ error: { name: 'Error', message: 'boom' } }, 503)
          : palette.fetchFn(input, init),
    );
    const source = createSource(fetchFn, { concurrency: 1 });

    await expect(source.listAll()).rejects.toBeInstanceOf(ResponseError);
    // The listing, then the failed read: nothing after it.
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it('throws a ResponseError when the listing fails', async () => {
    const source = createSource(
      jest.fn(async () => json({ error: { name: 'Error' } }, 500)),
    );
    await expect(source.listAll()).rejects.toMatchObject({
      name: 'ResponseError',
      response: expect.objectContaining({ status: 500 }),
    });
  });

  it('rejects details that are not a cluster', async () => {
    const source = createSource(
      jest.fn(async () => json({ ...eksClusterDetails(), phase: 'Sleeping' })),
    );
    await expect(source.get('payments-prod')).rejects.toThrow();
  });
});
