import { ResponseError } from '@backstage/errors';
import { attachmentFilename, PaletteClient } from './PaletteClient';

const report = {
  status: 'error',
  checks: {
    database: { status: 'ok', client: 'pg', latencyMs: 1 },
    managementClusters: [
      {
        name: 'm',
        type: 'kubeconfig',
        status: 'error',
        latencyMs: 5,
        message: 'down',
      },
    ],
  },
};

const profile = {
  name: 'aws-infra',
  type: 'infra',
  cloudType: 'aws',
  owner: 'group:default/platform-team',
  tags: ['prod'],
  latestVersion: '1.0.0',
  versions: [
    {
      version: '1.0.0',
      changeNote: 'First',
      publishedAt: '2026-09-01T09:00:00Z',
      publishedBy: 'user:default/admin',
      deprecated: false,
    },
  ],
  hasDraft: false,
  layerSummary: [{ layer: 'os', packName: 'ubuntu', packVersion: '24.4.4' }],
  createdAt: '2026-09-01T09:00:00Z',
  updatedAt: '2026-09-01T09:00:00Z',
};

const version = {
  name: 'aws-infra',
  type: 'infra',
  cloudType: 'aws',
  layers: [{ packName: 'ubuntu', packVersion: '24.4.4' }],
  variables: [],
  version: '1.0.0',
  changeNote: 'First',
  publishedAt: '2026-09-01T09:00:00Z',
  publishedBy: 'user:default/admin',
};

const diff = {
  from: { name: 'aws-infra', version: '1.0.0' },
  to: { name: 'aws-infra' },
  layersAdded: [],
  layersRemoved: [],
  layersChanged: [],
  layersUnchanged: ['ubuntu'],
  orderChanged: false,
  variablesAdded: [],
  variablesRemoved: [],
  variablesChanged: [],
  hasChanges: false,
};

const message = {
  severity: 'error',
  code: 'values.schema',
  layer: 'aws-ebs-csi',
  field: 'layers[3].values.controller.replicaCount',
  message: 'controller.replicaCount must be integer',
};

const pack = {
  name: 'ubuntu',
  displayName: 'Ubuntu',
  description: 'Ubuntu LTS',
  layer: 'os',
  version: '24.4.4',
  kind: { type: 'os', distribution: 'ubuntu', release: '24.04.4' },
  cloudTypes: ['aws'],
  defaultValues: '',
  valuesSchema: { type: 'object' },
  installPriority: 0,
  source: 'builtin',
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

function client(response: Response | (() => Response)) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) =>
    typeof response === 'function' ? response() : response,
  );
  return {
    fetch,
    client: new PaletteClient({
      discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
      fetchApi: { fetch: fetch as typeof globalThis.fetch },
    }),
  };
}

const BASE = 'http://backend/api/palette';

/** The URL, method, content type and body of the only request made. */
function sent(fetch: jest.Mock) {
  expect(fetch).toHaveBeenCalledTimes(1);
  const [url, init = {}] = fetch.mock.calls[0] as [string, RequestInit?];
  const headers = (init.headers ?? {}) as Record<string, string>;
  return {
    url,
    method: init.method ?? 'GET',
    contentType: headers['Content-Type'],
    body:
      typeof init.body === 'string' &&
      headers['Content-Type'] === 'application/json'
        ? JSON.parse(init.body)
        : init.body,
  };
}

describe('PaletteClient', () => {
  it('reads the health report from palette-backend, also when it answers 503', async () => {
    const { fetch, client: c } = client(
      new Response(JSON.stringify(report), { status: 503 }),
    );
    await expect(c.getHealth()).resolves.toEqual(report);
    expect(fetch).toHaveBeenCalledWith('http://backend/api/palette/health');
  });

  it('turns other errors into a ResponseError', async () => {
    const body = JSON.stringify({
      error: { name: 'AuthenticationError', message: 'Missing credentials' },
      response: { statusCode: 401 },
    });
    const { client: c } = client(
      new Response(body, {
        status: 401,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await expect(c.getHealth()).rejects.toThrow(/Missing credentials|401/);
  });

  it('lists packs with the layer, cloud type and name filters', async () => {
    const { fetch, client: c } = client(json({ items: [pack] }));
    const result = await c.listPacks({ layer: 'os', cloudType: 'aws' });
    expect(result.items).toHaveLength(1);
    expect(result.items[0].name).toBe('ubuntu');
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/packs?layer=os&cloudType=aws`,
      method: 'GET',
    });
  });

  it('lists all packs without a query string', async () => {
    const { fetch, client: c } = client(json({ items: [] }));
    await c.listPacks();
    expect(sent(fetch).url).toBe(`${BASE}/packs`);
  });

  it('lists profiles with only the filters that are set', async () => {
    const { fetch, client: c } = client(
      json({ items: [profile], totalCount: 41 }),
    );
    const result = await c.listProfiles({
      type: 'infra',
      owner: 'group:default/platform-team',
      search: '',
      tag: undefined,
      limit: 25,
      offset: 25,
    });
    expect(result.totalCount).toBe(41);
    expect(result.items[0].name).toBe('aws-infra');
    const url = new URL(sent(fetch).url);
    expect(url.pathname).toBe('/api/palette/profiles');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      type: 'infra',
      owner: 'group:default/platform-team',
      limit: '25',
      offset: '25',
    });
  });

  it('gets one profile, escaping its name', async () => {
    const { fetch, client: c } = client(json(profile));
    await expect(c.getProfile('aws-infra')).resolves.toMatchObject({
      name: 'aws-infra',
      latestVersion: '1.0.0',
    });
    expect(sent(fetch).url).toBe(`${BASE}/profiles/aws-infra`);

    const { fetch: escaped, client: other } = client(json(version));
    await other.getProfileVersion('a/b', '1.0.0+build.1');
    expect(sent(escaped).url).toBe(
      `${BASE}/profiles/a%2Fb/versions/1.0.0%2Bbuild.1`,
    );
  });

  it('rejects a reply that breaks the contract', async () => {
    const { client: c } = client(json({ name: 'aws-infra' }));
    await expect(c.getProfile('aws-infra')).rejects.toThrow();
  });

  it('creates a profile with a JSON body', async () => {
    const { fetch, client: c } = client(json(profile, 201));
    const request = {
      name: 'aws-infra',
      type: 'infra' as const,
      cloudType: 'aws' as const,
      owner: 'group:default/platform-team',
      tags: ['prod'],
    };
    await expect(c.createProfile(request)).resolves.toMatchObject({
      name: 'aws-infra',
    });
    expect(sent(fetch)).toEqual({
      url: `${BASE}/profiles`,
      method: 'POST',
      contentType: 'application/json',
      body: request,
    });
  });

  it('saves a draft and returns the profile with its validation messages', async () => {
    const { fetch, client: c } = client(
      json({ profile: { ...profile, hasDraft: true }, messages: [message] }),
    );
    const request = {
      layers: [{ packName: 'ubuntu', packVersion: '24.4.4' }],
      variables: [],
    };
    const result = await c.saveDraft('aws-infra', request);
    expect(result.profile.hasDraft).toBe(true);
    expect(result.messages).toEqual([message]);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/profiles/aws-infra/draft`,
      method: 'PUT',
      contentType: 'application/json',
      body: request,
    });
  });

  it('validates the saved draft', async () => {
    const { fetch, client: c } = client(json({ messages: [message] }));
    await expect(c.validateDraft('aws-infra')).resolves.toEqual({
      messages: [message],
    });
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/profiles/aws-infra/validate`,
      method: 'POST',
    });
  });

  it('publishes a version with its change note', async () => {
    const { fetch, client: c } = client(json(profile));
    await c.publish('aws-infra', {
      version: '1.1.0',
      changeNote: 'Calico 3.32',
    });
    expect(sent(fetch)).toEqual({
      url: `${BASE}/profiles/aws-infra/publish`,
      method: 'POST',
      contentType: 'application/json',
      body: { version: '1.1.0', changeNote: 'Calico 3.32' },
    });
  });

  it("maps a refused publish to a ResponseError carrying the server's message", async () => {
    const { client: c } = client(
      json(
        {
          error: {
            name: 'InputError',
            message:
              'aws-infra cannot be published: layers[3].values.controller.replicaCount must be integer',
          },
          response: { statusCode: 400 },
        },
        400,
      ),
    );
    const error = await c
      .publish('aws-infra', { version: '1.1.0', changeNote: 'x' })
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.cause.name).toBe('InputError');
    expect(error.cause.message).toMatch(/replicaCount must be integer/);
  });

  it('deprecates and undeprecates a version', async () => {
    const { fetch, client: c } = client(json(profile));
    await c.setDeprecated('aws-infra', '1.0.0', false);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/profiles/aws-infra/versions/1.0.0/deprecate`,
      method: 'POST',
      contentType: 'application/json',
      body: { deprecated: false },
    });
  });

  it('deletes a version', async () => {
    const { fetch, client: c } = client(new Response(null, { status: 204 }));
    await expect(
      c.deleteVersion('aws-infra', '1.0.0'),
    ).resolves.toBeUndefined();
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/profiles/aws-infra/versions/1.0.0`,
      method: 'DELETE',
    });
  });

  it('deletes a profile, and reports a conflict as an error', async () => {
    const { fetch, client: c } = client(new Response(null, { status: 204 }));
    await c.deleteProfile('aws-infra');
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/profiles/aws-infra`,
      method: 'DELETE',
    });

    const { client: refusing } = client(
      json(
        {
          error: { name: 'ConflictError', message: '2 clusters run aws-infra' },
          response: { statusCode: 409 },
        },
        409,
      ),
    );
    await expect(refusing.deleteProfile('aws-infra')).rejects.toMatchObject({
      statusCode: 409,
      cause: expect.objectContaining({ message: '2 clusters run aws-infra' }),
    });
  });

  it('gets one version', async () => {
    const { fetch, client: c } = client(json(version));
    await expect(
      c.getProfileVersion('aws-infra', '1.0.0'),
    ).resolves.toMatchObject({
      version: '1.0.0',
      layers: [{ packName: 'ubuntu', packVersion: '24.4.4' }],
    });
    expect(sent(fetch).url).toBe(`${BASE}/profiles/aws-infra/versions/1.0.0`);
  });

  it('diffs a version against the draft', async () => {
    const { fetch, client: c } = client(json(diff));
    await expect(c.diffProfile('aws-infra', '1.0.0', 'draft')).resolves.toEqual(
      diff,
    );
    expect(sent(fetch).url).toBe(
      `${BASE}/profiles/aws-infra/diff?from=1.0.0&to=draft`,
    );
  });

  it('exports a version as YAML text', async () => {
    const yaml =
      'apiVersion: palette.backstage.io/v1alpha1\nkind: ClusterProfile\n';
    const { fetch, client: c } = client(
      new Response(yaml, { headers: { 'content-type': 'application/yaml' } }),
    );
    await expect(c.exportProfileVersion('aws-infra', '1.0.0')).resolves.toBe(
      yaml,
    );
    expect(sent(fetch).url).toBe(
      `${BASE}/profiles/aws-infra/versions/1.0.0/export`,
    );
  });

  it('imports YAML with the application/yaml content type and the owning group', async () => {
    const yaml = 'kind: ClusterProfile\n';
    const { fetch, client: c } = client(
      json({ ...profile, messages: [] }, 201),
    );
    await expect(
      c.importProfile(yaml, { owner: 'group:default/platform-team' }),
    ).resolves.toMatchObject({
      name: 'aws-infra',
    });
    expect(sent(fetch)).toEqual({
      url: `${BASE}/profiles/import?owner=group%3Adefault%2Fplatform-team`,
      method: 'POST',
      contentType: 'application/yaml',
      body: yaml,
    });
  });

  it('reports a 404 with its status code', async () => {
    const { client: c } = client(
      json(
        {
          error: { name: 'NotFoundError', message: 'No profile named nope' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    await expect(c.getProfile('nope')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
    });
  });
});

const cluster = {
  name: 'dev-eks-01',
  phase: 'Provisioning',
  phaseSince: '2026-10-06T09:00:00Z',
  provider: 'aws',
  region: 'eu-west-1',
  cloudAccount: 'aws-dev',
  owner: 'group:default/team-apollo',
  project: 'system:default/payments',
  environment: 'dev',
  profile: { name: 'aws-infra', version: '1.1.0' },
  addOnProfiles: [],
  managementCluster: 'embedded',
  paused: false,
  nodes: { ready: 1, desired: 4 },
  drifted: false,
  createdAt: '2026-10-06T09:00:00Z',
  createdBy: 'user:default/jane',
  updatedAt: '2026-10-06T09:00:00Z',
};

const errorBody = (name: string, text: string, status: number) =>
  json(
    { error: { name, message: text }, response: { statusCode: status } },
    status,
  );

describe('PaletteClient clusters', () => {
  it('lists a page of clusters with list filters as comma-separated values', async () => {
    const { fetch, client: c } = client(
      json({
        items: [cluster],
        totalCount: 10_000,
        phaseCounts: { Provisioning: 1, Running: 9999 },
      }),
    );
    const result = await c.listClusters({
      phase: ['Running', 'Degraded'],
      provider: ['aws'],
      owner: ['group:default/team-apollo'],
      environment: [],
      profile: 'aws-infra',
      profileVersion: '1.1.0',
      search: 'abc',
      sort: 'updatedAt',
      order: 'desc',
      limit: 50,
      offset: 100,
    });
    expect(result).toEqual({
      items: [cluster],
      totalCount: 10_000,
      phaseCounts: { Provisioning: 1, Running: 9999 },
    });
    const url = new URL(sent(fetch).url);
    expect(url.pathname).toBe('/api/palette/clusters');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      phase: 'Running,Degraded',
      provider: 'aws',
      owner: 'group:default/team-apollo',
      profile: 'aws-infra',
      profileVersion: '1.1.0',
      search: 'abc',
      sort: 'updatedAt',
      order: 'desc',
      limit: '50',
      offset: '100',
    });
  });

  it('lists clusters without a query string when nothing is set, and tolerates missing counts', async () => {
    const { fetch, client: c } = client(json({ items: [] }));
    await expect(c.listClusters()).resolves.toEqual({
      items: [],
      totalCount: 0,
      phaseCounts: {},
    });
    expect(sent(fetch).url).toBe(`${BASE}/clusters`);
  });

  it('asks for deleted clusters only when told to', async () => {
    const { fetch, client: c } = client(json({ items: [], totalCount: 0 }));
    await c.listClusters({ includeDeleted: true });
    expect(sent(fetch).url).toBe(`${BASE}/clusters?includeDeleted=true`);
  });

  it('gets one cluster, escaping its name', async () => {
    const { fetch, client: c } = client(json(cluster));
    await expect(c.getCluster('a b')).resolves.toMatchObject({
      name: 'dev-eks-01',
    });
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/clusters/a%20b`,
      method: 'GET',
    });
  });

  const request = {
    name: 'dev-eks-01',
    profile: { name: 'aws-infra', version: '1.1.0' },
    cloudAccount: 'aws-dev',
    region: 'eu-west-1',
    controlPlane: { replicas: 3 as const },
    workerPools: [{ name: 'workers', instanceType: 'm5.large', count: 3 }],
    owner: 'group:default/team-apollo',
    project: 'system:default/payments',
    environment: 'dev',
  };

  it('creates a cluster with a JSON body', async () => {
    const { fetch, client: c } = client(json(cluster, 201));
    await expect(c.createCluster(request)).resolves.toMatchObject({
      phase: 'Provisioning',
    });
    expect(sent(fetch)).toEqual({
      url: `${BASE}/clusters`,
      method: 'POST',
      contentType: 'application/json',
      body: request,
    });
  });

  it('dry-runs a request and returns its messages and manifests', async () => {
    const dryRun = {
      valid: false,
      messages: [
        {
          severity: 'error',
          code: 'variables.format',
          field: 'variables.podCidr',
          message: 'is not an IPv4 CIDR block',
        },
      ],
      manifests: [
        {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'Cluster',
          metadata: { name: 'dev-eks-01' },
        },
      ],
    };
    const { fetch, client: c } = client(json(dryRun));
    await expect(c.dryRunCluster(request)).resolves.toEqual(dryRun);
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/clusters?dryRun=true`,
      method: 'POST',
      body: request,
    });
  });

  it('maps a refused request to a ResponseError with the fields in its message', async () => {
    const { client: c } = client(
      errorBody(
        'InputError',
        'name: must be a DNS-1123 label; workerPools.0.count: must be at least 0',
        400,
      ),
    );
    const error = await c.createCluster(request).catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.cause.name).toBe('InputError');
    expect(error.cause.message).toMatch(/^name: must be a DNS-1123 label;/);
  });

  it('reports a duplicate name as a 409', async () => {
    const { client: c } = client(
      errorBody('ConflictError', 'cluster dev-eks-01 exists', 409),
    );
    await expect(c.createCluster(request)).rejects.toMatchObject({
      statusCode: 409,
      cause: expect.objectContaining({ name: 'ConflictError' }),
    });
  });

  it('previews an upgrade with dryRun, then upgrades without it', async () => {
    const preview = {
      from: {
        profile: { name: 'aws-infra', version: '1.0.0' },
        addOnProfiles: [],
      },
      to: {
        profile: { name: 'aws-infra', version: '1.1.0' },
        addOnProfiles: [],
      },
      changes: [],
      rolls: [],
      objectChanges: [],
      messages: [],
    };
    const { fetch, client: c } = client(json(preview));
    await expect(
      c.previewClusterUpgrade('dev-eks-01', { profileVersion: '1.1.0' }),
    ).resolves.toEqual(preview);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/clusters/dev-eks-01/upgrade?dryRun=true`,
      method: 'POST',
      contentType: 'application/json',
      body: { profileVersion: '1.1.0' },
    });

    const { fetch: upgrading, client: u } = client(json(cluster, 202));
    await u.upgradeCluster('dev-eks-01', { profileVersion: '1.1.0' });
    expect(sent(upgrading)).toMatchObject({
      url: `${BASE}/clusters/dev-eks-01/upgrade`,
      method: 'POST',
      body: { profileVersion: '1.1.0' },
    });
  });

  it('scales, adds and removes pools', async () => {
    const { fetch, client: c } = client(() => json(cluster));
    await c.updateClusterPool('dev-eks-01', 'gpu pool', {
      count: 4,
      autoscaling: null,
    });
    await c.addClusterPool('dev-eks-01', {
      name: 'gpu',
      instanceType: 'g5.xlarge',
      count: 1,
    });
    await c.removeClusterPool('dev-eks-01', 'gpu');
    const calls = fetch.mock.calls.map(([url, init]) => [
      url,
      init?.method,
      init?.body && JSON.parse(init.body as string),
    ]);
    expect(calls).toEqual([
      [
        `${BASE}/clusters/dev-eks-01/pools/gpu%20pool`,
        'PUT',
        { count: 4, autoscaling: null },
      ],
      [
        `${BASE}/clusters/dev-eks-01/pools`,
        'POST',
        { name: 'gpu', instanceType: 'g5.xlarge', count: 1 },
      ],
      [`${BASE}/clusters/dev-eks-01/pools/gpu`, 'DELETE', undefined],
    ]);
  });

  it('pauses, resumes and deletes, with force only when asked', async () => {
    const { fetch, client: c } = client(() => json(cluster, 202));
    await c.pauseCluster('dev-eks-01');
    await c.resumeCluster('dev-eks-01');
    await c.deleteCluster('dev-eks-01');
    await c.deleteCluster('dev-eks-01', { force: true });
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method])).toEqual([
      [`${BASE}/clusters/dev-eks-01/pause`, 'POST'],
      [`${BASE}/clusters/dev-eks-01/resume`, 'POST'],
      [`${BASE}/clusters/dev-eks-01`, 'DELETE'],
      [`${BASE}/clusters/dev-eks-01?force=true`, 'DELETE'],
    ]);
  });

  it('reports a refused action with its status code', async () => {
    const { client: c } = client(
      errorBody('NotAllowedError', 'not allowed to delete dev-eks-01', 403),
    );
    await expect(c.deleteCluster('dev-eks-01')).rejects.toMatchObject({
      statusCode: 403,
      cause: expect.objectContaining({
        message: 'not allowed to delete dev-eks-01',
      }),
    });
  });

  it('lists the events of a cluster with a limit', async () => {
    const event = {
      id: '1',
      cluster: 'dev-eks-01',
      at: '2026-10-06T09:00:00Z',
      type: 'phase',
      phase: 'Provisioning',
      reason: 'Applied',
      message: 'applied 9 objects',
    };
    const { fetch, client: c } = client(json({ items: [event] }));
    await expect(
      c.listClusterEvents('dev-eks-01', { limit: 200 }),
    ).resolves.toEqual({ items: [event] });
    expect(sent(fetch).url).toBe(
      `${BASE}/clusters/dev-eks-01/events?limit=200`,
    );
  });

  it('downloads the kubeconfig as text with the name the server gives it', async () => {
    const yaml = 'apiVersion: v1\nkind: Config\n';
    const { fetch, client: c } = client(
      new Response(yaml, {
        headers: {
          'content-type': 'application/yaml',
          'content-disposition': 'attachment; filename="dev-eks-01.kubeconfig"',
        },
      }),
    );
    await expect(c.getClusterKubeconfig('dev-eks-01')).resolves.toEqual({
      filename: 'dev-eks-01.kubeconfig',
      content: yaml,
    });
    expect(sent(fetch).url).toBe(`${BASE}/clusters/dev-eks-01/kubeconfig`);

    const { client: unnamed } = client(new Response(yaml));
    await expect(unnamed.getClusterKubeconfig('x')).resolves.toMatchObject({
      filename: 'x.kubeconfig',
    });
  });

  it('refuses the kubeconfig without the permission', async () => {
    const { client: c } = client(
      errorBody(
        'NotAllowedError',
        'palette.cluster.kubeconfig is required',
        403,
      ),
    );
    await expect(c.getClusterKubeconfig('dev-eks-01')).rejects.toMatchObject({
      statusCode: 403,
    });
  });

  it('lists cloud accounts', async () => {
    const account = {
      name: 'aws-dev',
      cloudType: 'aws',
      regions: ['eu-west-1'],
    };
    const { fetch, client: c } = client(json({ items: [account] }));
    await expect(c.listCloudAccounts()).resolves.toEqual({ items: [account] });
    expect(sent(fetch).url).toBe(`${BASE}/cloud-accounts`);
  });
});

const policy = {
  project: 'system:default/payments',
  environment: 'production',
  allowedProfiles: [{ name: 'aws-infra', versions: ['1.1.0'] }],
  allowedRegions: ['eu-west-1'],
  maxPoolSize: 10,
  requireApproval: true,
  approverGroup: 'group:default/platform-team',
};
const storedPolicy = {
  ...policy,
  updatedAt: '2026-10-06T09:00:00Z',
  updatedBy: 'user:default/admin',
};

const approval = {
  cluster: 'prod-eks-01',
  state: 'Pending',
  requestedBy: 'user:default/jane',
  requestedAt: '2026-10-06T09:00:00Z',
  approverGroup: 'group:default/platform-team',
  expiresAt: '2026-10-13T09:00:00Z',
  summary: {
    owner: 'group:default/team-apollo',
    project: 'system:default/payments',
    environment: 'production',
    profile: { name: 'aws-infra', version: '1.1.0' },
    addOnProfiles: [],
    cloudAccount: 'aws-prod',
    region: 'eu-west-1',
    nodes: 6,
    estimatedMonthlyCost: 840.96,
  },
};

describe('PaletteClient governance', () => {
  it('lists policies and reads the effective one for a project and environment', async () => {
    const { fetch, client: c } = client(json({ items: [storedPolicy] }));
    await expect(c.listPolicies()).resolves.toEqual({ items: [storedPolicy] });
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/governance/policies`,
      method: 'GET',
    });

    const { fetch: effective, client: e } = client(
      json({ policy: storedPolicy }),
    );
    await expect(
      e.getEffectivePolicy('system:default/payments', 'production'),
    ).resolves.toEqual({ policy: storedPolicy });
    const url = new URL(sent(effective).url);
    expect(url.pathname).toBe('/api/palette/governance/policies/effective');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      project: 'system:default/payments',
      environment: 'production',
    });

    const { client: none } = client(json({}));
    await expect(none.getEffectivePolicy('*', 'dev')).resolves.toEqual({});
  });

  it('saves a policy with PUT and deletes one by its project and environment', async () => {
    const { fetch, client: c } = client(json(storedPolicy));
    await expect(c.savePolicy(policy)).resolves.toEqual(storedPolicy);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/governance/policies`,
      method: 'PUT',
      contentType: 'application/json',
      body: policy,
    });

    const { fetch: del, client: d } = client(
      new Response(null, { status: 204 }),
    );
    await d.deletePolicy('*', 'production');
    expect(sent(del)).toMatchObject({
      url: `${BASE}/governance/policies?project=*&environment=production`,
      method: 'DELETE',
    });
  });

  it('refuses to save a policy without the permission', async () => {
    const { client: c } = client(
      errorBody('NotAllowedError', 'palette.policy.manage is required', 403),
    );
    await expect(c.savePolicy(policy)).rejects.toMatchObject({
      statusCode: 403,
    });
  });

  it('lists, saves and deletes team quotas', async () => {
    const quota = { team: 'group:default/team-apollo', maxClusters: 5 };
    const stored = {
      ...quota,
      updatedAt: '2026-10-06T09:00:00Z',
      updatedBy: 'user:default/admin',
    };
    const { fetch, client: c } = client(json({ items: [stored] }));
    await expect(c.listQuotas()).resolves.toEqual({ items: [stored] });
    expect(sent(fetch).url).toBe(`${BASE}/governance/quotas`);

    const { fetch: put, client: p } = client(json(stored));
    await expect(p.saveQuota(quota)).resolves.toEqual(stored);
    expect(sent(put)).toEqual({
      url: `${BASE}/governance/quotas`,
      method: 'PUT',
      contentType: 'application/json',
      body: quota,
    });

    const { fetch: del, client: d } = client(
      new Response(null, { status: 204 }),
    );
    await d.deleteQuota('group:default/team-apollo');
    expect(sent(del)).toMatchObject({
      url: `${BASE}/governance/quotas?team=group%3Adefault%2Fteam-apollo`,
      method: 'DELETE',
    });
  });

  it("lists every team's usage, or one team's", async () => {
    const usage = {
      team: 'group:default/team-apollo',
      clusters: 2,
      nodes: 9,
      vcpus: 36,
      monthlyCost: 1200,
      quota: { team: 'group:default/team-apollo', maxClusters: 5 },
    };
    const { fetch, client: c } = client(json({ items: [usage] }));
    await expect(c.listUsage()).resolves.toEqual({ items: [usage] });
    expect(sent(fetch).url).toBe(`${BASE}/governance/usage`);

    const { fetch: one, client: o } = client(json({ items: [usage] }));
    await o.listUsage('group:default/team-apollo');
    expect(sent(one).url).toBe(
      `${BASE}/governance/usage?team=group%3Adefault%2Fteam-apollo`,
    );
  });

  it('evaluates a request without storing it', async () => {
    const decision = {
      violations: [
        { rule: 'policy.region', field: 'region', message: 'is not allowed' },
      ],
      estimatedMonthlyCost: 420.5,
      usageAfter: { clusters: 3, nodes: 12, vcpus: 48, monthlyCost: 1620.5 },
    };
    const request = { name: 'x' } as any;
    const { fetch, client: c } = client(json(decision));
    await expect(c.evaluateRequest(request)).resolves.toEqual(decision);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/governance/evaluate`,
      method: 'POST',
      contentType: 'application/json',
      body: request,
    });
  });

  it('lists approvals with only the filters that are set', async () => {
    const { fetch, client: c } = client(json({ items: [approval] }));
    await expect(
      c.listApprovals({ state: 'Pending', mine: true, limit: 50 }),
    ).resolves.toEqual({ items: [approval] });
    const url = new URL(sent(fetch).url);
    expect(url.pathname).toBe('/api/palette/approvals');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      state: 'Pending',
      mine: 'true',
      limit: '50',
    });

    const { fetch: all, client: a } = client(json({}));
    await expect(a.listApprovals()).resolves.toEqual({ items: [] });
    expect(sent(all).url).toBe(`${BASE}/approvals`);
  });

  it('decides an approval and returns the cluster', async () => {
    const details = { name: 'prod-eks-01', phase: 'Rejected' };
    const { fetch, client: c } = client(json(details));
    await expect(
      c.decideApproval('prod-eks-01', {
        decision: 'reject',
        comment: 'Use staging first',
      }),
    ).resolves.toEqual(details);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/clusters/prod-eks-01/approval`,
      method: 'POST',
      contentType: 'application/json',
      body: { decision: 'reject', comment: 'Use staging first' },
    });
  });

  it('passes the governance part of a dry run through', async () => {
    const governance = {
      violations: [],
      approval: { approverGroup: 'group:default/platform-team' },
      estimatedMonthlyCost: 420.5,
      usageAfter: { clusters: 1, nodes: 6, vcpus: 24, monthlyCost: 420.5 },
    };
    const { client: c } = client(
      json({ valid: true, messages: [], manifests: [], governance }),
    );
    await expect(c.dryRunCluster({} as any)).resolves.toMatchObject({
      governance,
    });
  });
});

describe('PaletteClient audit', () => {
  const event = {
    id: '42',
    occurredAt: '2026-10-06T09:00:00Z',
    actor: 'user:default/jane',
    action: 'profile.publish',
    target: 'profile:aws-infra@1.1.0',
    before: null,
    after: { version: '1.1.0' },
  };

  it('lists audit events with the filters and limit that are set', async () => {
    const { fetch, client: c } = client(json({ items: [event] }));
    await expect(
      c.listAudit({
        actor: 'user:default/jane',
        target: 'profile:aws-infra',
        action: '',
        from: '2026-10-01T00:00:00.000Z',
        limit: 200,
      }),
    ).resolves.toEqual({ items: [event] });
    const url = new URL(sent(fetch).url);
    expect(url.pathname).toBe('/api/palette/audit');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      actor: 'user:default/jane',
      target: 'profile:aws-infra',
      from: '2026-10-01T00:00:00.000Z',
      limit: '200',
    });
  });

  it('refuses the audit log without palette.audit.read', async () => {
    const { client: c } = client(
      errorBody('NotAllowedError', 'palette.audit.read is required', 403),
    );
    await expect(c.listAudit()).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('attachmentFilename', () => {
  it.each([
    ['attachment; filename="a.kubeconfig"', 'a.kubeconfig'],
    ['attachment; filename=a.kubeconfig', 'a.kubeconfig'],
    ["attachment; filename*=UTF-8''d%C3%A9v.kubeconfig", 'dév.kubeconfig'],
    ['attachment; filename="../../etc/passwd"', '.._.._etc_passwd'],
    ['attachment', undefined],
    [null, undefined],
  ])('reads %p as %p', (header, expected) => {
    expect(attachmentFilename(header)).toBe(expected);
  });
});

describe('PaletteClient fleet cost and compliance', () => {
  const range = { from: '2026-09-01', to: '2026-10-01' };

  it('posts a cluster request for its cost estimate', async () => {
    const estimate = {
      currency: 'USD',
      total: { hourly: { min: 1, max: 2 }, monthly: { min: 730, max: 1460 } },
      lines: [],
      warnings: [],
    };
    const { fetch, client: c } = client(json(estimate));
    const request = { name: 'dev-eks-01' } as any;
    await expect(c.estimateCost(request)).resolves.toEqual(estimate);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/cost/estimate`,
      method: 'POST',
      contentType: 'application/json',
      body: request,
    });
  });

  it('asks for the cost summary of a range, or of this month without one', async () => {
    const { fetch, client: c } = client(json({ total: 12.5 }));
    await expect(c.getFleetCostSummary(range)).resolves.toEqual({
      total: 12.5,
    });
    expect(sent(fetch).url).toBe(
      `${BASE}/fleet/cost/summary?from=2026-09-01&to=2026-10-01`,
    );
    const { fetch: plain, client: other } = client(json({ total: 0 }));
    await other.getFleetCostSummary();
    expect(sent(plain).url).toBe(`${BASE}/fleet/cost/summary`);
  });

  it('asks for a breakdown by a dimension with only the set filters', async () => {
    const { fetch, client: c } = client(
      json({ by: 'provider', items: [{ key: 'aws', cost: 3 }] }),
    );
    const result = await c.getFleetCostBreakdown({ ...range, by: 'provider' });
    expect(result.items).toEqual([{ key: 'aws', cost: 3 }]);
    const url = new URL(sent(fetch).url);
    expect(url.pathname).toBe('/api/palette/fleet/cost/breakdown');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      by: 'provider',
      from: '2026-09-01',
      to: '2026-10-01',
    });
  });

  it('asks for the trend by granularity and group, with no points as an empty list', async () => {
    const { fetch, client: c } = client(json({ granularity: 'month' }));
    const result = await c.getFleetCostTrend({
      granularity: 'month',
      groupBy: 'team',
      from: '2025-10-01',
    });
    expect(result.points).toEqual([]);
    expect(sent(fetch).url).toBe(
      `${BASE}/fleet/cost/trend?granularity=month&from=2025-10-01&groupBy=team`,
    );
  });

  it('lists the budgets of a month', async () => {
    const { fetch, client: c } = client(json({ items: [{ team: 'a' }] }));
    await expect(c.listBudgets('2026-09')).resolves.toEqual({
      items: [{ team: 'a' }],
    });
    expect(sent(fetch).url).toBe(`${BASE}/fleet/cost/budgets?month=2026-09`);
  });

  it('downloads the cost CSV of a range and dimension with the name the server gives it', async () => {
    const csv = 'team,cost\napollo,12.50\n';
    const { fetch, client: c } = client(
      new Response(csv, {
        headers: {
          'content-type': 'text/csv',
          'content-disposition': 'attachment; filename="cost-team.csv"',
        },
      }),
    );
    await expect(c.exportFleetCost({ ...range, by: 'team' })).resolves.toEqual({
      filename: 'cost-team.csv',
      content: csv,
    });
    expect(sent(fetch).url).toBe(
      `${BASE}/fleet/cost/export.csv?by=team&from=2026-09-01&to=2026-10-01`,
    );
    const { client: unnamed } = client(new Response(csv));
    await expect(unnamed.exportFleetCost({ by: 'project' })).resolves.toEqual({
      filename: 'fleet-cost-project.csv',
      content: csv,
    });
  });

  it('gets the cost and the compliance of one cluster, escaping its name', async () => {
    const { fetch, client: c } = client(json({ cluster: 'a b' }));
    await expect(c.getClusterCost('a b')).resolves.toEqual({
      cluster: 'a b',
      daily: [],
    });
    expect(sent(fetch).url).toBe(`${BASE}/clusters/a%20b/cost`);

    const { fetch: other, client: d } = client(json({ score: 80 }));
    await expect(d.getClusterCompliance('dev')).resolves.toEqual({
      score: 80,
      findings: [],
      scans: [],
    });
    expect(sent(other).url).toBe(`${BASE}/clusters/dev/compliance`);
  });

  it('reads the compliance summary, rules, scores and trend', async () => {
    const summary = client(json({ score: 91 }));
    await expect(summary.client.getComplianceSummary()).resolves.toEqual({
      score: 91,
    });
    expect(sent(summary.fetch).url).toBe(`${BASE}/fleet/compliance/summary`);

    const rules = client(json({ items: [{ rule: 'drift.none' }] }));
    await expect(rules.client.listComplianceRules()).resolves.toEqual({
      items: [{ rule: 'drift.none' }],
    });
    expect(sent(rules.fetch).url).toBe(`${BASE}/fleet/compliance/rules`);

    const scores = client(json({ items: [] }));
    await scores.client.listComplianceScores('profile');
    expect(sent(scores.fetch).url).toBe(
      `${BASE}/fleet/compliance/scores?by=profile`,
    );

    const trend = client(json({ points: [{ day: '2026-09-01', score: 90 }] }));
    await expect(
      trend.client.getComplianceTrend({ from: '2026-08-01' }),
    ).resolves.toEqual({ points: [{ day: '2026-09-01', score: 90 }] });
    expect(sent(trend.fetch).url).toBe(
      `${BASE}/fleet/compliance/trend?from=2026-08-01`,
    );
  });

  it('pages the clusters failing a rule', async () => {
    const { fetch, client: c } = client(
      json({ items: [{ cluster: 'dev' }], totalCount: 31 }),
    );
    await expect(
      c.listRuleClusters('kubernetes.supported', { limit: 10, offset: 20 }),
    ).resolves.toEqual({ items: [{ cluster: 'dev' }], totalCount: 31 });
    expect(sent(fetch).url).toBe(
      `${BASE}/fleet/compliance/rules/kubernetes.supported/clusters?limit=10&offset=20`,
    );
  });

  it('downloads the compliance CSV', async () => {
    const { fetch, client: c } = client(new Response('cluster,score\n'));
    await expect(c.exportCompliance()).resolves.toEqual({
      filename: 'fleet-compliance.csv',
      content: 'cluster,score\n',
    });
    expect(sent(fetch).url).toBe(`${BASE}/fleet/compliance/export.csv`);
  });

  it('uploads a scan report as JSON', async () => {
    const { fetch, client: c } = client(json({ kind: 'cis', passed: true }));
    const cisReport = { Controls: [] };
    await c.uploadScan('dev', 'cis', cisReport);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/clusters/dev/scans/cis`,
      method: 'POST',
      contentType: 'application/json',
      body: cisReport,
    });
  });

  it('refuses fleet cost without the permission', async () => {
    const body = JSON.stringify({
      error: { name: 'NotAllowedError', message: 'palette.fleet.read' },
      response: { statusCode: 403 },
    });
    const { client: c } = client(
      new Response(body, {
        status: 403,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await expect(c.getFleetCostSummary()).rejects.toBeInstanceOf(ResponseError);
  });
});

describe('PaletteClient imported clusters', () => {
  const importRequest = {
    name: 'legacy-eks',
    kubeconfig: 'apiVersion: v1\nkind: Config\n',
    mode: 'managed' as const,
    addOnProfiles: [{ name: 'observability', version: '2.0.0' }],
    owner: 'group:default/team-apollo',
    project: 'system:default/payments',
    environment: 'production',
  };
  const imported = {
    ...cluster,
    name: 'legacy-eks',
    phase: 'Importing',
    profile: undefined,
    imported: { mode: 'managed', importedAt: '2026-10-06T09:00:00Z' },
  };
  const inventory = {
    discoveredAt: '2026-10-06T09:05:00Z',
    kubernetes: {
      gitVersion: 'v1.32.3-eks-4096722',
      version: '1.32.3',
      distribution: 'eks',
    },
    nodes: [
      {
        name: 'ip-10-0-1-1',
        roles: [],
        cpu: 4,
        memoryGiB: 16,
        osImage: 'Amazon Linux 2023',
        kubeletVersion: 'v1.32.3-eks',
        ready: true,
        problems: [],
      },
    ],
    cni: { name: 'aws-vpc-cni', source: 'DaemonSet kube-system/aws-node' },
    csi: [],
    helmReleases: [],
    namespaces: ['default', 'kube-system'],
  };

  it('imports a cluster with a JSON body, and dry-runs it without storing', async () => {
    const { fetch, client: c } = client(() => json(imported, 201));
    await expect(c.importCluster(importRequest)).resolves.toMatchObject({
      name: 'legacy-eks',
      imported: { mode: 'managed' },
    });
    await c.testClusterImport(importRequest);
    const urls = fetch.mock.calls.map(([url]) => url);
    expect(urls).toEqual([
      `${BASE}/clusters/import`,
      `${BASE}/clusters/import?dryRun=true`,
    ]);
    for (const [, init] of fetch.mock.calls) {
      expect(init?.method).toBe('POST');
      expect(JSON.parse(String(init?.body))).toEqual(importRequest);
    }
  });

  it('maps an unreachable API server in a dry run to a ResponseError with its fields', async () => {
    const { client: c } = client(
      errorBody(
        'InputError',
        'kubeconfig: the API server https://10.0.0.1 did not answer',
        400,
      ),
    );
    const error = await c.testClusterImport(importRequest).catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toMatch(/^kubeconfig: the API server/);
  });

  it('reads the inventory of a cluster, escaping its name, with lists always present', async () => {
    const { helmReleases: _h, csi: _c, ...partial } = inventory;
    const { fetch, client: c } = client(json(partial));
    await expect(c.getClusterInventory('a b')).resolves.toEqual({
      ...inventory,
      csi: [],
      helmReleases: [],
    });
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/clusters/a%20b/inventory`,
      method: 'GET',
    });
  });

  it('reports an inventory not discovered yet as a 404', async () => {
    const { client: c } = client(
      errorBody('NotFoundError', 'legacy-eks has not been discovered', 404),
    );
    await expect(c.getClusterInventory('legacy-eks')).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('discovers a cluster again with a POST', async () => {
    const { fetch, client: c } = client(json(inventory));
    await expect(c.discoverCluster('legacy-eks')).resolves.toEqual(inventory);
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/clusters/legacy-eks/discover`,
      method: 'POST',
    });
  });

  it('generates a profile with the name given, or lets the server choose one', async () => {
    const result = {
      profile: { name: 'legacy-eks-profile', version: '0.1.0' },
      layers: [
        {
          layer: 'cni',
          discovered: 'aws-vpc-cni 1.19.0',
          mappedTo: 'custom',
          pack: { name: 'aws-vpc-cni', version: '1.19.0' },
          note: 'no registry pack matched',
        },
      ],
    };
    const named = client(json(result, 201));
    await expect(
      named.client.generateProfileFromCluster('legacy-eks', 'legacy'),
    ).resolves.toEqual(result);
    expect(sent(named.fetch)).toEqual({
      url: `${BASE}/clusters/legacy-eks/profile`,
      method: 'POST',
      contentType: 'application/json',
      body: { name: 'legacy' },
    });

    const unnamed = client(json({ profile: result.profile }, 201));
    await expect(
      unnamed.client.generateProfileFromCluster('legacy-eks'),
    ).resolves.toEqual({ profile: result.profile, layers: [] });
    expect(sent(unnamed.fetch).body).toEqual({});
  });
});

describe('PaletteClient rollouts', () => {
  const rollout = {
    id: 'r-1',
    profile: 'aws-infra',
    targetVersion: '1.1.0',
    selector: { environments: ['dev'] },
    canarySize: 1,
    batchSize: 5,
    healthTimeoutMinutes: 60,
    status: 'Running',
    waves: [],
    counts: { Pending: 3 },
    createdBy: 'user:default/jane',
    createdAt: '2026-10-06T09:00:00Z',
    updatedAt: '2026-10-06T09:00:00Z',
  };
  const request = {
    profile: 'aws-infra',
    targetVersion: '1.1.0',
    selector: { environments: ['dev'], owners: ['group:default/team-apollo'] },
    canarySize: 2,
    batchSize: 10,
  };

  it('lists rollouts with only the filters that are set, tolerating a missing count', async () => {
    const { fetch, client: c } = client(json({ items: [rollout] }));
    await expect(
      c.listRollouts({ status: 'PartiallyApplied', limit: 25, offset: 50 }),
    ).resolves.toEqual({ items: [rollout], totalCount: 1 });
    expect(sent(fetch).url).toBe(
      `${BASE}/rollouts?status=PartiallyApplied&limit=25&offset=50`,
    );

    const all = client(json({ items: [], totalCount: 0 }));
    await expect(all.client.listRollouts()).resolves.toEqual({
      items: [],
      totalCount: 0,
    });
    expect(sent(all.fetch).url).toBe(`${BASE}/rollouts`);
  });

  it('gets one rollout, escaping its id', async () => {
    const { fetch, client: c } = client(json(rollout));
    await expect(c.getRollout('r/1')).resolves.toEqual(rollout);
    expect(sent(fetch).url).toBe(`${BASE}/rollouts/r%2F1`);
  });

  it('creates a rollout, and plans one with dryRun without storing it', async () => {
    const created = client(json(rollout, 201));
    await expect(created.client.createRollout(request)).resolves.toEqual(
      rollout,
    );
    expect(sent(created.fetch)).toEqual({
      url: `${BASE}/rollouts`,
      method: 'POST',
      contentType: 'application/json',
      body: request,
    });

    const planned = client(json({ ...rollout, status: 'Pending' }));
    await expect(planned.client.planRollout(request)).resolves.toMatchObject({
      status: 'Pending',
    });
    expect(sent(planned.fetch).body).toEqual({ ...request, dryRun: true });
  });

  it.each([
    ['pauseRollout', 'pause'],
    ['resumeRollout', 'resume'],
    ['cancelRollout', 'cancel'],
  ] as const)('%s posts to /rollouts/:id/%s', async (method, path) => {
    const { fetch, client: c } = client(json(rollout));
    await expect(c[method]('r-1')).resolves.toEqual(rollout);
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/rollouts/r-1/${path}`,
      method: 'POST',
    });
  });

  it('rolls back the failed or all clusters', async () => {
    const { fetch, client: c } = client(json(rollout));
    await c.rollbackRollout('r-1', 'all');
    expect(sent(fetch)).toEqual({
      url: `${BASE}/rollouts/r-1/rollback`,
      method: 'POST',
      contentType: 'application/json',
      body: { scope: 'all' },
    });
  });

  it('refuses a rollout action with its status code', async () => {
    const { client: c } = client(
      errorBody('ConflictError', 'rollout r-1 is Completed', 409),
    );
    await expect(c.resumeRollout('r-1')).rejects.toMatchObject({
      statusCode: 409,
    });
  });

  it("reads a profile's usage per version", async () => {
    const usage = {
      profile: 'aws-infra',
      latestVersion: '1.1.0',
      versions: [{ version: '1.0.0', clusters: 4 }],
    };
    const { fetch, client: c } = client(json(usage));
    await expect(c.getProfileUsage('aws-infra')).resolves.toEqual(usage);
    expect(sent(fetch).url).toBe(`${BASE}/profiles/aws-infra/usage`);

    const empty = client(json({ profile: 'x' }));
    await expect(empty.client.getProfileUsage('x')).resolves.toEqual({
      profile: 'x',
      versions: [],
    });
  });

  it("reads, sets and clears a cluster's maintenance window", async () => {
    const window = { cron: '0 2 * * 6', durationMinutes: 240 };
    const reply = {
      window,
      environmentWindow: null,
      open: false,
      nextOpening: '2026-11-28T02:00:00Z',
    };
    const read = client(json(reply));
    await expect(
      read.client.getClusterMaintenanceWindow('dev-eks-01'),
    ).resolves.toEqual(reply);
    expect(sent(read.fetch).url).toBe(
      `${BASE}/clusters/dev-eks-01/maintenance-window`,
    );

    const none = client(json({}));
    await expect(
      none.client.getClusterMaintenanceWindow('dev-eks-01'),
    ).resolves.toEqual({ window: null, environmentWindow: null, open: true });

    const set = client(json({ window }));
    await set.client.setClusterMaintenanceWindow('dev-eks-01', window);
    expect(sent(set.fetch)).toEqual({
      url: `${BASE}/clusters/dev-eks-01/maintenance-window`,
      method: 'PUT',
      contentType: 'application/json',
      body: { window },
    });

    const cleared = client(json({ window: null, open: true }));
    await expect(
      cleared.client.setClusterMaintenanceWindow('dev-eks-01', null),
    ).resolves.toEqual({ window: null, environmentWindow: null, open: true });
    expect(sent(cleared.fetch).body).toEqual({ window: null });
  });

  it("runs a bulk action and returns every cluster's outcome", async () => {
    const results = [
      { cluster: 'a', ok: true, status: 200 },
      { cluster: 'b', ok: false, status: 403, message: 'not allowed' },
    ];
    const { fetch, client: c } = client(json({ results }));
    const bulk = {
      action: 'upgrade' as const,
      clusters: ['a', 'b'],
      profileVersion: '1.1.0',
    };
    await expect(c.bulkClusterAction(bulk)).resolves.toEqual({ results });
    expect(sent(fetch)).toEqual({
      url: `${BASE}/clusters/bulk`,
      method: 'POST',
      contentType: 'application/json',
      body: bulk,
    });
  });
});

describe('PaletteClient sandbox', () => {
  const simulated = {
    managementCluster: 'embedded',
    name: 'legacy-payments',
    health: 'healthy',
  };

  it('lists the simulated existing clusters', async () => {
    const { fetch, client: c } = client(json({ items: [simulated] }));
    await expect(c.listSimulatedExistingClusters()).resolves.toEqual([
      simulated,
    ]);
    expect(sent(fetch).url).toBe(`${BASE}/sandbox/existing-clusters`);
  });

  it('reads one simulated cluster kubeconfig as text', async () => {
    const { fetch, client: c } = client(
      new Response('apiVersion: v1\nkind: Config\n', { status: 200 }),
    );
    await expect(
      c.getSimulatedExistingClusterKubeconfig(simulated),
    ).resolves.toBe('apiVersion: v1\nkind: Config\n');
    expect(sent(fetch).url).toBe(
      `${BASE}/sandbox/existing-clusters/embedded/legacy-payments/kubeconfig`,
    );
  });
});
