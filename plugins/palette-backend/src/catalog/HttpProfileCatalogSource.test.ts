import { ResponseError } from '@backstage/errors';
import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import { HttpProfileCatalogSource } from './HttpProfileCatalogSource';
import { awsInfraProfile, manyProfiles } from './testFixtures';
import {
  CATALOG_SERVICE_TOKEN as SERVICE_TOKEN,
  catalogApiDeps,
  json,
  notFound,
  pageOf,
  recordingFetch,
} from './__testUtils__/testUtils';

/**
 * Serves `GET /profiles?limit&offset` and `GET /profiles/:name` from a list
 * the tests change, like palette-backend does (sorted by name).
 */
function fakePalette(initial: ProfileSummary[]) {
  let profiles = initial;
  const { fetchFn, requests } = recordingFetch((path, url) => {
    if (path === '/profiles') {
      return json(pageOf(url, profiles));
    }
    const match = /^\/profiles\/([^/]+)$/.exec(path);
    const found =
      match && profiles.find(p => p.name === decodeURIComponent(match[1]));
    return found
      ? json({
          ...found,
          draft: {
            layers: [],
            variables: [],
            updatedAt: '2025-04-01T08:00:00.000Z',
            updatedBy: 'user:default/alice',
          },
        })
      : notFound();
  });
  return {
    fetchFn,
    requests,
    setProfiles(next: ProfileSummary[]) {
      profiles = next;
    },
  };
}

function createSource(
  fetchFn: typeof fetch,
  options: { pageSize?: number } = {},
) {
  const { discovery, auth } = catalogApiDeps();
  return {
    discovery,
    source: new HttpProfileCatalogSource({
      discovery,
      auth,
      fetch: fetchFn,
      ...options,
    }),
  };
}

describe('HttpProfileCatalogSource', () => {
  it('pages through every profile, 500 at a time, with a service token for palette', async () => {
    const all = manyProfiles(1203);
    const palette = fakePalette(all);
    const { source, discovery } = createSource(palette.fetchFn);

    const listed = await source.listAll();

    expect(listed.map(p => p.name)).toEqual(all.map(p => p.name));
    expect(discovery.getBaseUrl).toHaveBeenCalledWith('palette');
    expect(
      palette.requests.map(r => [
        r.url.pathname,
        r.url.searchParams.get('limit'),
        r.url.searchParams.get('offset'),
      ]),
    ).toEqual([
      ['/api/palette/profiles', '500', '0'],
      ['/api/palette/profiles', '500', '500'],
      ['/api/palette/profiles', '500', '1000'],
    ]);
    for (const { headers } of palette.requests) {
      expect(headers.get('authorization')).toBe(`Bearer ${SERVICE_TOKEN}`);
    }
  });

  it('returns an empty list when there are no profiles', async () => {
    const palette = fakePalette([]);
    const { source } = createSource(palette.fetchFn);
    await expect(source.listAll()).resolves.toEqual([]);
    expect(palette.requests).toHaveLength(1);
  });

  it('lists again when a profile is deleted while paging', async () => {
    const all = manyProfiles(5);
    const palette = fakePalette(all);
    const { source } = createSource(palette.fetchFn, { pageSize: 2 });
    // After the first page, p-0000 goes: offsets shift and p-0002 would be
    // skipped by a single pass.
    palette.fetchFn.mockImplementationOnce(async (input, init) => {
      const response = await fakePalette(all).fetchFn(input, init);
      palette.setProfiles(all.slice(1));
      return response;
    });

    const listed = await source.listAll();

    expect(listed.map(p => p.name)).toEqual([
      'p-0001',
      'p-0002',
      'p-0003',
      'p-0004',
    ]);
  });

  it('reads one profile without its draft, encoding the name', async () => {
    const palette = fakePalette([awsInfraProfile()]);
    const { source } = createSource(palette.fetchFn);

    const profile = await source.get('aws-infra');

    expect(profile).toEqual(awsInfraProfile());
    expect(profile).not.toHaveProperty('draft');
    expect(palette.requests[0].url.pathname).toBe(
      '/api/palette/profiles/aws-infra',
    );
    expect(palette.requests[0].headers.get('authorization')).toBe(
      `Bearer ${SERVICE_TOKEN}`,
    );

    await source.get('a/b');
    expect(palette.requests[1].url.pathname).toBe(
      '/api/palette/profiles/a%2Fb',
    );
  });

  it('answers undefined for a profile that does not exist', async () => {
    const palette = fakePalette([]);
    const { source } = createSource(palette.fetchFn);
    await expect(source.get('gone')).resolves.toBeUndefined();
  });

  it('throws a ResponseError on other failures', async () => {
    const fetchFn = jest.fn(async () =>
      json({ error: { name: 'Error', message: 'boom' } }, 503),
    );
    const { source } = createSource(fetchFn);

    await expect(source.get('aws-infra')).rejects.toBeInstanceOf(ResponseError);
    await expect(source.listAll()).rejects.toMatchObject({
      name: 'ResponseError',
      response: expect.objectContaining({ status: 503 }),
    });
  });

  it('rejects a reply that is not a profile listing', async () => {
    const fetchFn = jest.fn(async () => json({ items: [{ name: 'x' }] }));
    const { source } = createSource(fetchFn);
    await expect(source.listAll()).rejects.toThrow();
  });
});
