import { TestDatabaseId } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  Pack,
  ProfileLayer,
  ProfileVariable,
} from '@palette-backstage/plugin-palette-common';
import { SENSITIVE_VALUE_MASK } from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import {
  AuditEventInput,
  AUDIT_EVENTS_TABLE,
  AuditLog,
} from '../audit/AuditLog';
import { PackRegistry } from '../packs/PackRegistry';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { DatabaseProfileStore, PROFILE_TABLES } from './DatabaseProfileStore';
import { applyDatabaseMigrations } from './migrations';
import { CreateProfileInput, ProfileFilter } from './ProfileStore';

jest.setTimeout(120_000);

const JANE = 'user:default/jane';
const JOE = 'user:default/joe';
const PLATFORM = 'group:default/platform-team';
const APPS = 'group:default/app-team';

const UBUNTU: ProfileLayer = { packName: 'ubuntu', packVersion: '24.4.3' };
const KUBERNETES: ProfileLayer = {
  packName: 'kubernetes',
  packVersion: '1.34.4',
  values:
    'clusterNetwork:\n  pods:\n    cidrBlocks:\n      - {{ .palette.vars.podCidr }}\n',
};
const CALICO: ProfileLayer = { packName: 'calico', packVersion: '3.31.7' };
const CILIUM: ProfileLayer = { packName: 'cilium', packVersion: '1.18.4' };
const EBS: ProfileLayer = { packName: 'aws-ebs-csi', packVersion: '1.52.0' };
const CERT_MANAGER: ProfileLayer = {
  packName: 'cert-manager',
  packVersion: '1.21.2',
};

const POD_CIDR: ProfileVariable = {
  name: 'podCidr',
  displayName: 'Pod CIDR',
  format: 'cidr',
  required: true,
  default: '192.168.0.0/16',
};
const TOKEN: ProfileVariable = {
  name: 'apiToken',
  displayName: 'API token',
  format: 'string',
  sensitive: true,
  default: 's3cr3t-token',
};

const AWS_INFRA: CreateProfileInput = {
  name: 'aws-infra',
  displayName: 'AWS infrastructure',
  description: 'Self-managed Kubernetes on EC2',
  type: 'infra',
  cloudType: 'aws',
  owner: PLATFORM,
  tags: ['aws', 'production'],
  // Add-ons are left out of the layer summary, core layers come in order.
  layers: [UBUNTU, CERT_MANAGER, KUBERNETES, EBS, CALICO],
  variables: [POD_CIDR],
};

/** A clock the tests move by hand. */
function manualClock(start = '2026-11-23T10:00:00.000Z') {
  let now = new Date(start);
  return {
    fn: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
}

const names = (result: { items: { name: string }[] }) =>
  result.items.map(item => item.name);

function rowCount(rows: Array<Record<string, unknown>>): number {
  return Number(Object.values(rows[0])[0]);
}

/** An audit log that fails after writing, to prove the change rolls back with it. */
class FailingAuditLog extends AuditLog {
  failOn: string | undefined;
  /** Fail with a database error rather than a JavaScript one. */
  failWithSql = false;

  async record(event: AuditEventInput, tx?: Knex.Transaction) {
    const recorded = await super.record(event, tx);
    if (event.action === this.failOn) {
      if (this.failWithSql && tx) {
        await tx.raw('select * from no_such_table');
      }
      throw new Error(`audit failure on ${event.action}`);
    }
    return recorded;
  }
}

const TEAM_CHART: Pack = PackRegistry.withBuiltinPacks().addCustomPack({
  name: 'team-chart',
  version: '1.0.0',
  kind: {
    type: 'helm',
    repository: 'https://charts.example/',
    chart: 'team-chart',
    chartVersion: '1.0.0',
    namespace: 'team',
  },
});

describe('DatabaseProfileStore', () => {
  const databases = createPaletteTestDatabases();

  async function setUp(
    databaseId: TestDatabaseId,
    options: { packRegistry?: PackRegistry; auditLog?: AuditLog } = {},
  ) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    const clock = manualClock();
    const store = new DatabaseProfileStore({
      db: knex,
      clock: clock.fn,
      ...options,
    });
    const audit = async () =>
      (await store.auditLog.list({ limit: 500 })).reverse();
    return { knex, store, clock, audit };
  }

  /** A profile with published versions and, optionally, a draft left. */
  async function seedProfile(
    store: DatabaseProfileStore,
    input: CreateProfileInput,
    versions: string[],
    { draft = false }: { draft?: boolean } = {},
  ) {
    await store.createProfile(input, JANE);
    for (const [i, version] of versions.entries()) {
      if (i > 0) {
        await store.saveDraft(
          input.name,
          { layers: input.layers ?? [], variables: input.variables },
          JANE,
        );
      }
      await store.publish(
        input.name,
        { version, changeNote: `Release ${version}` },
        JANE,
      );
    }
    if (draft && versions.length > 0) {
      await store.saveDraft(input.name, { layers: input.layers ?? [] }, JOE);
    }
  }

  describe('createProfile and getProfile', () => {
    it.each(PALETTE_TEST_DATABASE_IDS)(
      'creates a profile with its first draft on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        const created = await store.createProfile(AWS_INFRA, JANE);
        const expected = {
          name: 'aws-infra',
          displayName: 'AWS infrastructure',
          description: 'Self-managed Kubernetes on EC2',
          type: 'infra',
          cloudType: 'aws',
          owner: PLATFORM,
          tags: ['aws', 'production'],
          versions: [],
          hasDraft: true,
          layerSummary: [
            { layer: 'os', packName: 'ubuntu', packVersion: '24.4.3' },
            { layer: 'k8s', packName: 'kubernetes', packVersion: '1.34.4' },
            { layer: 'cni', packName: 'calico', packVersion: '3.31.7' },
            { layer: 'csi', packName: 'aws-ebs-csi', packVersion: '1.52.0' },
          ],
          createdAt: '2026-11-23T10:00:00.000Z',
          updatedAt: '2026-11-23T10:00:00.000Z',
          draft: {
            layers: AWS_INFRA.layers,
            variables: [POD_CIDR],
            updatedAt: '2026-11-23T10:00:00.000Z',
            updatedBy: JANE,
          },
        };
        expect(created).toEqual(expected);
        expect(await store.getProfile('aws-infra')).toEqual(expected);
        expect(await store.getProfile('nope')).toBeUndefined();

        const events = await audit();
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          actor: JANE,
          action: 'profile.create',
          target: 'profile:aws-infra',
          after: expected,
        });
        expect(events[0]).not.toHaveProperty('before');
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'applies defaults for optional fields on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await store.createProfile(
          {
            name: 'bare',
            type: 'add-on',
            cloudType: 'all',
            owner: APPS,
          },
          JOE,
        );
        const bare = await store.getProfile('bare');
        expect(bare).toEqual({
          name: 'bare',
          type: 'add-on',
          cloudType: 'all',
          owner: APPS,
          tags: [],
          versions: [],
          hasDraft: true,
          layerSummary: [],
          createdAt: '2026-11-23T10:00:00.000Z',
          updatedAt: '2026-11-23T10:00:00.000Z',
          draft: {
            layers: [],
            variables: [],
            updatedAt: '2026-11-23T10:00:00.000Z',
            updatedBy: JOE,
          },
        });
        expect(bare).not.toHaveProperty('displayName');
        expect(bare).not.toHaveProperty('latestVersion');
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'refuses a duplicate name with a ConflictError and no audit row on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        await store.createProfile(AWS_INFRA, JANE);
        await expect(
          store.createProfile({ ...AWS_INFRA, owner: APPS }, JOE),
        ).rejects.toThrow(ConflictError);
        expect((await store.getProfile('aws-infra'))?.owner).toBe(PLATFORM);
        expect(await audit()).toHaveLength(1);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'lets exactly one of two concurrent creations of a name win on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        const results = await Promise.allSettled([
          store.createProfile(AWS_INFRA, JANE),
          store.createProfile({ ...AWS_INFRA, owner: APPS }, JOE),
        ]);
        expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
        const [failure] = results.filter(r => r.status === 'rejected');
        expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(
          ConflictError,
        );
        expect(await audit()).toHaveLength(1);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'summarizes layers with the given registry, custom packs included, on %p',
      async databaseId => {
        const registry = PackRegistry.withBuiltinPacks();
        registry.addCustomPack({
          name: 'acme-cni',
          layer: 'cni',
          version: '1.0.0',
          kind: {
            type: 'helm',
            repository: 'https://charts.acme.example/',
            chart: 'acme-cni',
            chartVersion: '1.0.0',
            namespace: 'kube-system',
          },
        });
        const { store } = await setUp(databaseId, { packRegistry: registry });
        const created = await store.createProfile(
          {
            ...AWS_INFRA,
            layers: [
              { packName: 'acme-cni', packVersion: '1.0.0' },
              // A version the registry does not have: the layer comes from
              // the pack's other versions.
              { packName: 'ubuntu', packVersion: '99.0.0' },
              // Unknown packs are left out.
              { packName: 'mystery', packVersion: '1.0.0' },
            ],
          },
          JANE,
        );
        expect(created.layerSummary).toEqual([
          { layer: 'os', packName: 'ubuntu', packVersion: '99.0.0' },
          { layer: 'cni', packName: 'acme-cni', packVersion: '1.0.0' },
        ]);
      },
    );
  });

  describe('listProfiles', () => {
    const PROFILES: CreateProfileInput[] = [
      AWS_INFRA,
      {
        name: 'aws-infra-edge',
        displayName: 'AWS edge (100% experimental)',
        type: 'infra',
        cloudType: 'aws',
        owner: 'Group:default/Platform-Team',
        tags: ['aws', 'prod'],
        layers: [UBUNTU, KUBERNETES, CILIUM, EBS],
      },
      {
        name: 'azure-base',
        displayName: 'Azure base',
        description: 'AKS with the managed CNI',
        type: 'infra',
        cloudType: 'aks',
        owner: APPS,
        tags: ['azure', 'production'],
      },
      {
        name: 'observability',
        displayName: 'Observability add-ons',
        description: 'Metrics and LOGS for every cluster',
        type: 'add-on',
        cloudType: 'all',
        owner: APPS,
        tags: ['monitoring'],
        layers: [CERT_MANAGER],
      },
      {
        name: 'security',
        type: 'add-on',
        cloudType: 'all',
        owner: PLATFORM,
        tags: ['security', 'production'],
      },
      {
        name: 'vsphere-full',
        displayName: 'vSphere full stack',
        description: 'On-premises, with ingress_nginx',
        type: 'full',
        cloudType: 'vsphere',
        owner: 'group:default/datacenter',
        tags: [],
      },
    ];

    async function seedAll(store: DatabaseProfileStore) {
      // aws-infra: 1.0.0 and 1.1.0; aws-infra-edge: 0.1.0 deprecated;
      // observability: 2.0.0 with a new draft; the others: draft only.
      await seedProfile(store, PROFILES[0], ['1.0.0', '1.1.0']);
      await seedProfile(store, PROFILES[1], ['0.1.0']);
      await store.setDeprecated('aws-infra-edge', '0.1.0', true, JANE);
      await seedProfile(store, PROFILES[2], []);
      await seedProfile(store, PROFILES[3], ['2.0.0'], { draft: true });
      await seedProfile(store, PROFILES[4], []);
      await seedProfile(store, PROFILES[5], []);
    }

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'lists summaries ordered by name on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedAll(store);
        const result = await store.listProfiles();
        expect(result.totalCount).toBe(6);
        expect(names(result)).toEqual([
          'aws-infra',
          'aws-infra-edge',
          'azure-base',
          'observability',
          'security',
          'vsphere-full',
        ]);
        const [aws, edge, azure, observability] = result.items;
        expect(aws).toMatchObject({
          latestVersion: '1.1.0',
          hasDraft: false,
          versions: [
            {
              version: '1.1.0',
              changeNote: 'Release 1.1.0',
              publishedBy: JANE,
              deprecated: false,
            },
            { version: '1.0.0', deprecated: false },
          ],
        });
        expect(aws).not.toHaveProperty('draft');
        expect(aws.layerSummary.map(l => l.layer)).toEqual([
          'os',
          'k8s',
          'cni',
          'csi',
        ]);
        // Only deprecated versions: no latest version, summary of the highest.
        expect(edge).not.toHaveProperty('latestVersion');
        expect(edge.versions).toEqual([
          expect.objectContaining({ version: '0.1.0', deprecated: true }),
        ]);
        expect(edge.layerSummary.map(l => l.packName)).toEqual([
          'ubuntu',
          'kubernetes',
          'cilium',
          'aws-ebs-csi',
        ]);
        expect(azure).toMatchObject({ versions: [], hasDraft: true });
        expect(observability).toMatchObject({
          latestVersion: '2.0.0',
          hasDraft: true,
          layerSummary: [], // add-ons only
        });
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'filters by type, cloud type, owner and tag on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedAll(store);
        expect(names(await store.listProfiles({ type: 'add-on' }))).toEqual([
          'observability',
          'security',
        ]);
        expect(names(await store.listProfiles({ type: 'full' }))).toEqual([
          'vsphere-full',
        ]);
        expect(names(await store.listProfiles({ cloudType: 'aws' }))).toEqual([
          'aws-infra',
          'aws-infra-edge',
        ]);
        expect(names(await store.listProfiles({ cloudType: 'gke' }))).toEqual(
          [],
        );
        // Entity refs compare case-insensitively.
        expect(
          names(
            await store.listProfiles({ owner: 'group:default/platform-team' }),
          ),
        ).toEqual(['aws-infra', 'aws-infra-edge', 'security']);
        expect(names(await store.listProfiles({ owner: APPS }))).toEqual([
          'azure-base',
          'observability',
        ]);
        // A tag matches whole tags only: `prod` is not `production`.
        expect(names(await store.listProfiles({ tag: 'production' }))).toEqual([
          'aws-infra',
          'azure-base',
          'security',
        ]);
        expect(names(await store.listProfiles({ tag: 'prod' }))).toEqual([
          'aws-infra-edge',
        ]);
        expect(names(await store.listProfiles({ tag: 'aws","prod' }))).toEqual(
          [],
        );
        expect(
          names(
            await store.listProfiles({
              type: 'infra',
              cloudType: 'aws',
              tag: 'production',
            }),
          ),
        ).toEqual(['aws-infra']);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'searches name, display name and description case-insensitively on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedAll(store);
        const search = async (term: string) =>
          names(await store.listProfiles({ search: term }));
        expect(await search('AZURE')).toEqual(['azure-base']);
        expect(await search('infra')).toEqual(['aws-infra', 'aws-infra-edge']);
        expect(await search('logs')).toEqual(['observability']);
        expect(await search('ec2')).toEqual(['aws-infra']);
        expect(await search('vSPHERE FULL')).toEqual(['vsphere-full']);
        // LIKE wildcards are literal.
        expect(await search('100%')).toEqual(['aws-infra-edge']);
        expect(await search('%')).toEqual(['aws-infra-edge']);
        expect(await search('ingress_nginx')).toEqual(['vsphere-full']);
        expect(await search('ingress_')).toEqual(['vsphere-full']);
        expect(await search('_')).toEqual(['vsphere-full']);
        expect(await search('nothing like this')).toEqual([]);
        // Blank searches match everything.
        expect(await search('  ')).toHaveLength(6);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'lists only profiles with a usable version when publishedOnly on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedAll(store);
        const result = await store.listProfiles({ publishedOnly: true });
        expect(names(result)).toEqual(['aws-infra', 'observability']);
        expect(result.totalCount).toBe(2);
        expect(
          names(await store.listProfiles({ publishedOnly: false })),
        ).toHaveLength(6);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'pages with limit and offset, counting every match on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedAll(store);
        const first = await store.listProfiles({ limit: 4, offset: 0 });
        expect(names(first)).toEqual([
          'aws-infra',
          'aws-infra-edge',
          'azure-base',
          'observability',
        ]);
        expect(first.totalCount).toBe(6);
        const second = await store.listProfiles({ limit: 4, offset: 4 });
        expect(names(second)).toEqual(['security', 'vsphere-full']);
        expect(second.totalCount).toBe(6);
        const beyond = await store.listProfiles({ limit: 4, offset: 10 });
        expect(beyond).toEqual({ items: [], totalCount: 6 });
        const filtered = await store.listProfiles({
          type: 'infra',
          limit: 1,
          offset: 1,
        });
        expect(names(filtered)).toEqual(['aws-infra-edge']);
        expect(filtered.totalCount).toBe(3);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'applies the permission filter in the query on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedAll(store);
        const list = async (filter: ProfileFilter, extra = {}) => {
          const result = await store.listProfiles({ ...extra, filter });
          expect(result.totalCount).toBe(result.items.length);
          return names(result);
        };
        const platformOwned: ProfileFilter = {
          property: 'owner',
          values: [PLATFORM.toUpperCase(), 'group:default/nobody'],
        };
        expect(await list(platformOwned)).toEqual([
          'aws-infra',
          'aws-infra-edge',
          'security',
        ]);
        expect(
          await list({ property: 'name', values: ['security', 'azure-base'] }),
        ).toEqual(['azure-base', 'security']);
        // Names match exactly.
        expect(await list({ property: 'name', values: ['SECURITY'] })).toEqual(
          [],
        );
        expect(await list({ property: 'owner', values: [] })).toEqual([]);

        expect(
          await list({
            anyOf: [
              platformOwned,
              { property: 'name', values: ['azure-base'] },
            ],
          }),
        ).toEqual(['aws-infra', 'aws-infra-edge', 'azure-base', 'security']);
        expect(
          await list({
            allOf: [
              platformOwned,
              { property: 'name', values: ['security', 'azure-base'] },
            ],
          }),
        ).toEqual(['security']);
        expect(await list({ not: platformOwned })).toEqual([
          'azure-base',
          'observability',
          'vsphere-full',
        ]);
        expect(
          await list({
            anyOf: [
              {
                allOf: [
                  platformOwned,
                  { not: { property: 'name', values: ['security'] } },
                ],
              },
              {
                not: {
                  anyOf: [platformOwned, { property: 'owner', values: [APPS] }],
                },
              },
            ],
          }),
        ).toEqual(['aws-infra', 'aws-infra-edge', 'vsphere-full']);

        // Empty combinations: allOf [] holds, anyOf [] never does.
        expect(await list({ allOf: [] })).toHaveLength(6);
        expect(await list({ anyOf: [] })).toEqual([]);
        expect(await list({ not: { allOf: [] } })).toEqual([]);
        expect(await list({ not: { anyOf: [] } })).toHaveLength(6);

        // Together with the query's own filters and paging.
        expect(await list(platformOwned, { type: 'add-on' })).toEqual([
          'security',
        ]);
        const page = await store.listProfiles({
          filter: { not: platformOwned },
          limit: 2,
          offset: 1,
        });
        expect(names(page)).toEqual(['observability', 'vsphere-full']);
        expect(page.totalCount).toBe(3);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'sorts versions by semver precedence, not as text, on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedProfile(store, AWS_INFRA, [
          '0.9.0',
          '1.0.0-rc.2',
          '1.0.0-rc.10',
          '1.0.0',
          '1.2.0',
          '1.10.0',
        ]);
        const profile = await store.getProfile('aws-infra');
        expect(profile?.versions.map(v => v.version)).toEqual([
          '1.10.0',
          '1.2.0',
          '1.0.0',
          '1.0.0-rc.10',
          '1.0.0-rc.2',
          '0.9.0',
        ]);
        expect(profile?.latestVersion).toBe('1.10.0');
        await store.setDeprecated('aws-infra', '1.10.0', true, JANE);
        expect((await store.getProfile('aws-infra'))?.latestVersion).toBe(
          '1.2.0',
        );
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'builds a page of 50 in a constant number of queries (no N+1) on %p',
      async databaseId => {
        const { knex, store } = await setUp(databaseId);
        for (let i = 0; i < 50; i++) {
          const name = `profile-${String(i).padStart(2, '0')}`;
          await seedProfile(
            store,
            { ...AWS_INFRA, name, layers: i % 2 ? AWS_INFRA.layers : [CALICO] },
            ['1.0.0', '1.1.0'],
            { draft: i % 3 === 0 },
          );
        }
        const queries: string[] = [];
        const listener = (query: { sql: string }) => queries.push(query.sql);
        knex.on('query', listener);
        try {
          const small = await store.listProfiles({ limit: 5 });
          const smallQueries = queries.length;
          queries.length = 0;
          const page = await store.listProfiles({ limit: 50 });
          expect(page.items).toHaveLength(50);
          expect(page.totalCount).toBe(50);
          expect(small.items).toHaveLength(5);
          // count, page, versions, drafts, layers of the latest versions
          expect(queries).toHaveLength(5);
          expect(smallQueries).toBe(queries.length);
          for (const [i, item] of page.items.entries()) {
            expect(item.versions.map(v => v.version)).toEqual([
              '1.1.0',
              '1.0.0',
            ]);
            expect(item.hasDraft).toBe(i % 3 === 0);
            expect(item.layerSummary).toHaveLength(i % 2 ? 4 : 1);
          }
          queries.length = 0;
          await store.getProfile('profile-07');
          expect(queries.length).toBeLessThanOrEqual(4);
        } finally {
          knex.removeListener('query', listener);
        }
      },
    );
  });

  describe('saveDraft', () => {
    it.each(PALETTE_TEST_DATABASE_IDS)(
      'replaces the draft and audits before and after on %p',
      async databaseId => {
        const { store, clock, audit } = await setUp(databaseId);
        await store.createProfile(AWS_INFRA, JANE);
        clock.set('2026-11-23T11:00:00.000Z');
        const saved = await store.saveDraft(
          'aws-infra',
          {
            layers: [UBUNTU, KUBERNETES, CILIUM, EBS],
            variables: [POD_CIDR, TOKEN],
          },
          JOE,
        );
        expect(saved).toEqual({
          layers: [UBUNTU, KUBERNETES, CILIUM, EBS],
          variables: [POD_CIDR, TOKEN],
          updatedAt: '2026-11-23T11:00:00.000Z',
          updatedBy: JOE,
        });
        const profile = await store.getProfile('aws-infra');
        // The store keeps the real value; only the audit log masks it.
        expect(profile?.draft).toEqual(saved);
        expect(profile?.updatedAt).toBe('2026-11-23T11:00:00.000Z');
        expect(profile?.createdAt).toBe('2026-11-23T10:00:00.000Z');
        expect(profile?.layerSummary.map(l => l.packName)).toContain('cilium');

        const [, event] = await audit();
        expect(event).toMatchObject({
          actor: JOE,
          action: 'profile.draft.save',
          target: 'profile:aws-infra',
          before: {
            layers: AWS_INFRA.layers,
            variables: [POD_CIDR],
            updatedBy: JANE,
          },
          after: {
            layers: [UBUNTU, KUBERNETES, CILIUM, EBS],
            variables: [POD_CIDR, { ...TOKEN, default: SENSITIVE_VALUE_MASK }],
            updatedBy: JOE,
          },
        });
        expect(JSON.stringify(await audit())).not.toContain('s3cr3t-token');
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'starts a new draft from the highest version by default on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        await seedProfile(store, AWS_INFRA, ['1.0.0', '1.1.0']);
        expect((await store.getProfile('aws-infra'))?.draft).toBeUndefined();

        const started = await store.saveDraft(
          'aws-infra',
          { layers: [UBUNTU] },
          JOE,
        );
        expect(started.baseVersion).toBe('1.1.0');
        expect(started.variables).toEqual([]);
        const events = await audit();
        expect(events[events.length - 1]).not.toHaveProperty('before');

        // The base stays while the draft is edited, unless given.
        const edited = await store.saveDraft('aws-infra', { layers: [] }, JOE);
        expect(edited.baseVersion).toBe('1.1.0');
        const rebased = await store.saveDraft(
          'aws-infra',
          { layers: [], baseVersion: '1.0.0' },
          JOE,
        );
        expect(rebased.baseVersion).toBe('1.0.0');
        expect((await store.getProfile('aws-infra'))?.draft?.baseVersion).toBe(
          '1.0.0',
        );
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'refuses an unknown profile on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        await expect(
          store.saveDraft('nope', { layers: [] }, JANE),
        ).rejects.toThrow(NotFoundError);
        expect(await audit()).toEqual([]);
      },
    );
  });

  describe('publish', () => {
    it.each(PALETTE_TEST_DATABASE_IDS)(
      'copies the draft into an immutable version and removes the draft on %p',
      async databaseId => {
        const { store, clock, audit, knex } = await setUp(databaseId);
        await store.createProfile(
          { ...AWS_INFRA, variables: [POD_CIDR, TOKEN] },
          JANE,
        );
        clock.set('2026-11-24T09:00:00.000Z');
        const published = await store.publish(
          'aws-infra',
          { version: '1.0.0', changeNote: 'First version.' },
          JOE,
        );
        const expected = {
          name: 'aws-infra',
          displayName: 'AWS infrastructure',
          description: 'Self-managed Kubernetes on EC2',
          type: 'infra',
          cloudType: 'aws',
          layers: AWS_INFRA.layers,
          variables: [POD_CIDR, TOKEN],
          version: '1.0.0',
          changeNote: 'First version.',
          publishedAt: '2026-11-24T09:00:00.000Z',
          publishedBy: JOE,
          deprecated: false,
        };
        expect(published).toEqual(expected);
        expect(await store.getVersion('aws-infra', '1.0.0')).toEqual(expected);
        expect(await store.getVersion('aws-infra', '2.0.0')).toBeUndefined();

        const profile = await store.getProfile('aws-infra');
        expect(profile).toMatchObject({
          hasDraft: false,
          latestVersion: '1.0.0',
          updatedAt: '2026-11-24T09:00:00.000Z',
          versions: [
            {
              version: '1.0.0',
              changeNote: 'First version.',
              publishedAt: '2026-11-24T09:00:00.000Z',
              publishedBy: JOE,
              deprecated: false,
            },
          ],
        });
        expect(profile).not.toHaveProperty('draft');
        expect(
          rowCount(await knex(PROFILE_TABLES.drafts).count({ n: '*' })),
        ).toBe(0);

        const events = await audit();
        expect(events[1]).toMatchObject({
          actor: JOE,
          action: 'profile.publish',
          target: 'profile:aws-infra@1.0.0',
          after: {
            ...expected,
            variables: [POD_CIDR, { ...TOKEN, default: SENSITIVE_VALUE_MASK }],
          },
        });
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'never changes a published version on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await store.createProfile(AWS_INFRA, JANE);
        const v1 = await store.publish(
          'aws-infra',
          { version: '1.0.0', changeNote: 'First.' },
          JANE,
        );
        await store.saveDraft('aws-infra', { layers: [UBUNTU, CILIUM] }, JOE);
        // Publishing the same version again is refused, the version unchanged.
        await expect(
          store.publish(
            'aws-infra',
            { version: '1.0.0', changeNote: 'Again.' },
            JOE,
          ),
        ).rejects.toThrow(/1\.0\.0 of profile aws-infra already exists/);
        await store.publish(
          'aws-infra',
          { version: '1.1.0', changeNote: 'Cilium.' },
          JOE,
        );
        expect(await store.getVersion('aws-infra', '1.0.0')).toEqual(v1);
        expect((await store.getVersion('aws-infra', '1.1.0'))?.layers).toEqual([
          UBUNTU,
          CILIUM,
        ]);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'requires a version greater than every published one on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        await seedProfile(store, AWS_INFRA, ['1.2.0'], { draft: true });
        const auditBefore = (await audit()).length;
        const publish = (version: string) =>
          store.publish('aws-infra', { version, changeNote: 'x' }, JOE);

        await expect(publish('1.1.9')).rejects.toThrow(ConflictError);
        await expect(publish('1.1.9')).rejects.toThrow(
          /1\.1\.9 must be greater than the latest version 1\.2\.0/,
        );
        await expect(publish('1.2.0-rc.1')).rejects.toThrow(ConflictError);
        // Build metadata does not make a new version.
        await expect(publish('1.2.0+build.7')).rejects.toThrow(ConflictError);
        await expect(publish('1.2')).rejects.toThrow(InputError);
        await expect(publish('v1.3.0')).rejects.toThrow(InputError);

        // Nothing changed: the draft is still there, no version, no audit.
        const profile = await store.getProfile('aws-infra');
        expect(profile?.hasDraft).toBe(true);
        expect(profile?.versions.map(v => v.version)).toEqual(['1.2.0']);
        expect(await audit()).toHaveLength(auditBefore);

        await expect(publish('1.3.0-rc.1')).resolves.toMatchObject({
          version: '1.3.0-rc.1',
        });
        await store.saveDraft('aws-infra', { layers: [] }, JOE);
        await expect(publish('1.3.0')).resolves.toMatchObject({
          version: '1.3.0',
        });
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'needs a draft and an existing profile on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedProfile(store, AWS_INFRA, ['1.0.0']);
        await expect(
          store.publish(
            'aws-infra',
            { version: '2.0.0', changeNote: 'x' },
            JOE,
          ),
        ).rejects.toThrow(ConflictError);
        await expect(
          store.publish(
            'aws-infra',
            { version: '2.0.0', changeNote: 'x' },
            JOE,
          ),
        ).rejects.toThrow(/no draft/);
        await expect(
          store.publish('nope', { version: '1.0.0', changeNote: 'x' }, JOE),
        ).rejects.toThrow(NotFoundError);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'lets exactly one of two concurrent publications win on %p',
      async databaseId => {
        const { store, audit, knex } = await setUp(databaseId);
        await store.createProfile(AWS_INFRA, JANE);
        await store.createProfile({ ...AWS_INFRA, name: 'other' }, JANE);

        // The same version, twice.
        const same = await Promise.allSettled([
          store.publish(
            'aws-infra',
            { version: '1.0.0', changeNote: 'A' },
            JANE,
          ),
          store.publish(
            'aws-infra',
            { version: '1.0.0', changeNote: 'B' },
            JOE,
          ),
        ]);
        expect(same.filter(r => r.status === 'fulfilled')).toHaveLength(1);
        expect(
          (same.find(r => r.status === 'rejected') as PromiseRejectedResult)
            .reason,
        ).toBeInstanceOf(ConflictError);

        // Two versions of one draft.
        const different = await Promise.allSettled([
          store.publish('other', { version: '1.0.0', changeNote: 'A' }, JANE),
          store.publish('other', { version: '2.0.0', changeNote: 'B' }, JOE),
        ]);
        expect(different.filter(r => r.status === 'fulfilled')).toHaveLength(1);
        expect(
          (
            different.find(
              r => r.status === 'rejected',
            ) as PromiseRejectedResult
          ).reason,
        ).toBeInstanceOf(ConflictError);

        expect(
          rowCount(await knex(PROFILE_TABLES.versions).count({ n: '*' })),
        ).toBe(2);
        const publications = (await audit()).filter(
          e => e.action === 'profile.publish',
        );
        expect(publications).toHaveLength(2);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'maps the primary key violation of a racing publication to a ConflictError on %p',
      async databaseId => {
        const { store, audit, knex } = await setUp(databaseId);
        await store.createProfile(AWS_INFRA, JANE);
        // The first publication is done but not committed...
        const tx = await knex.transaction();
        await store.publish(
          'aws-infra',
          { version: '1.0.0', changeNote: 'First' },
          JANE,
          { tx },
        );
        // ...when the second starts: on PostgreSQL it still sees the draft
        // and no version, so it inserts and waits on the primary key.
        const second = store
          .publish('aws-infra', { version: '1.0.0', changeNote: 'Second' }, JOE)
          .then(
            () => 'published',
            error => error,
          );
        if (databaseId === 'POSTGRES_17') {
          await waitForLockWait(knex);
        }
        await tx.commit();
        const outcome = await second;
        expect(outcome).toBeInstanceOf(ConflictError);
        // PostgreSQL: the primary key; SQLite serializes, so the draft is gone.
        expect(outcome.message).toMatch(
          databaseId === 'POSTGRES_17' ? /already exists/ : /no draft/,
        );
        expect(await store.getVersion('aws-infra', '1.0.0')).toMatchObject({
          changeNote: 'First',
          publishedBy: JANE,
        });
        expect(
          (await audit()).filter(e => e.action === 'profile.publish'),
        ).toEqual([expect.objectContaining({ actor: JANE })]);
      },
    );
  });

  /** Waits until some PostgreSQL backend waits for a lock. */
  async function waitForLockWait(knex: Knex) {
    for (let i = 0; i < 200; i++) {
      const rows = await knex.raw(
        'select count(*) as n from pg_locks where not granted',
      );
      if (Number(rows.rows[0].n) > 0) {
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    throw new Error('the second publication never waited for a lock');
  }

  describe('setDeprecated', () => {
    it.each(PALETTE_TEST_DATABASE_IDS)(
      'flips only the deprecated flag, audited, on %p',
      async databaseId => {
        const { store, clock, audit } = await setUp(databaseId);
        await seedProfile(store, AWS_INFRA, ['1.0.0', '1.1.0']);
        const before = await store.getVersion('aws-infra', '1.1.0');
        clock.set('2026-12-01T00:00:00.000Z');

        const info = await store.setDeprecated('aws-infra', '1.1.0', true, JOE);
        expect(info).toEqual({
          version: '1.1.0',
          changeNote: 'Release 1.1.0',
          publishedAt: before?.publishedAt,
          publishedBy: JANE,
          deprecated: true,
        });
        expect(await store.getVersion('aws-infra', '1.1.0')).toEqual({
          ...before,
          deprecated: true,
        });
        const profile = await store.getProfile('aws-infra');
        expect(profile?.latestVersion).toBe('1.0.0');
        expect(profile?.updatedAt).toBe('2026-12-01T00:00:00.000Z');

        let events = await audit();
        expect(events[events.length - 1]).toMatchObject({
          actor: JOE,
          action: 'profile.deprecate',
          target: 'profile:aws-infra@1.1.0',
          before: { deprecated: false },
          after: { deprecated: true },
        });

        // Setting the flag it already has changes nothing and is not audited.
        await store.setDeprecated('aws-infra', '1.1.0', true, JOE);
        expect(await audit()).toHaveLength(events.length);

        await store.setDeprecated('aws-infra', '1.1.0', false, JANE);
        expect((await store.getProfile('aws-infra'))?.latestVersion).toBe(
          '1.1.0',
        );
        events = await audit();
        expect(events[events.length - 1]).toMatchObject({
          action: 'profile.undeprecate',
          before: { deprecated: true },
          after: { deprecated: false },
        });
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'refuses unknown versions on %p',
      async databaseId => {
        const { store } = await setUp(databaseId);
        await seedProfile(store, AWS_INFRA, ['1.0.0']);
        await expect(
          store.setDeprecated('aws-infra', '9.9.9', true, JOE),
        ).rejects.toThrow(NotFoundError);
        await expect(
          store.setDeprecated('nope', '1.0.0', true, JOE),
        ).rejects.toThrow(NotFoundError);
      },
    );
  });

  describe('deletes', () => {
    it.each(PALETTE_TEST_DATABASE_IDS)(
      'deletes a version, audited with its content, on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        await seedProfile(store, AWS_INFRA, ['1.0.0', '1.1.0']);
        const doomed = await store.getVersion('aws-infra', '1.1.0');
        await store.deleteVersion('aws-infra', '1.1.0', JOE);
        expect(await store.getVersion('aws-infra', '1.1.0')).toBeUndefined();
        const profile = await store.getProfile('aws-infra');
        expect(profile?.versions.map(v => v.version)).toEqual(['1.0.0']);
        expect(profile?.latestVersion).toBe('1.0.0');
        const events = await audit();
        expect(events[events.length - 1]).toEqual({
          id: expect.any(String),
          occurredAt: expect.any(String),
          actor: JOE,
          action: 'profile.version.delete',
          target: 'profile:aws-infra@1.1.0',
          before: doomed,
        });
        await expect(
          store.deleteVersion('aws-infra', '1.1.0', JOE),
        ).rejects.toThrow(NotFoundError);
        expect(await audit()).toHaveLength(events.length);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'deletes a profile with its draft and versions on %p',
      async databaseId => {
        const { store, audit, knex } = await setUp(databaseId);
        await seedProfile(store, AWS_INFRA, ['1.0.0', '1.1.0'], {
          draft: true,
        });
        await seedProfile(store, { ...AWS_INFRA, name: 'kept' }, ['1.0.0'], {
          draft: true,
        });
        const doomed = await store.getProfile('aws-infra');

        await store.deleteProfile('aws-infra', JOE);
        expect(await store.getProfile('aws-infra')).toBeUndefined();
        expect(await store.getVersion('aws-infra', '1.0.0')).toBeUndefined();
        expect(
          await knex(PROFILE_TABLES.versions).pluck('profile_name'),
        ).toEqual(['kept']);
        expect(await knex(PROFILE_TABLES.drafts).pluck('profile_name')).toEqual(
          ['kept'],
        );
        expect(names(await store.listProfiles())).toEqual(['kept']);

        const events = await audit();
        expect(events[events.length - 1]).toMatchObject({
          actor: JOE,
          action: 'profile.delete',
          target: 'profile:aws-infra',
          before: doomed,
        });
        expect(events[events.length - 1]).not.toHaveProperty('after');

        await expect(store.deleteProfile('aws-infra', JOE)).rejects.toThrow(
          NotFoundError,
        );
        // The name is free again, without the old versions.
        const again = await store.createProfile(AWS_INFRA, JANE);
        expect(again.versions).toEqual([]);
        await expect(
          store.publish(
            'aws-infra',
            { version: '0.1.0', changeNote: 'x' },
            JANE,
          ),
        ).resolves.toMatchObject({ version: '0.1.0' });
      },
    );
  });

  describe('custom packs', () => {
    const registry = PackRegistry.withBuiltinPacks();
    const chart = (name: string, version: string): Pack =>
      registry.addCustomPack({
        name,
        version,
        description: 'A team chart',
        kind: {
          type: 'helm',
          repository: 'oci://registry.example/charts',
          chart: name,
          chartVersion: version,
          namespace: name,
        },
      });
    const zeta1 = chart('zeta-agent', '1.0.0');
    const alpha1 = chart('alpha-agent', '1.0.0');
    const alpha10 = chart('alpha-agent', '1.10.0');
    const alpha2 = chart('alpha-agent', '1.2.0');

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'stores packs and lists them by name and highest version on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        expect(await store.listCustomPacks()).toEqual([]);
        for (const pack of [zeta1, alpha1, alpha10, alpha2]) {
          expect(await store.addCustomPack(pack, JANE)).toEqual(pack);
        }
        expect(await store.listCustomPacks()).toEqual([
          alpha10,
          alpha2,
          alpha1,
          zeta1,
        ]);
        // What comes back can be given to a registry again at start-up.
        expect(new PackRegistry(await store.listCustomPacks()).names()).toEqual(
          ['alpha-agent', 'zeta-agent'],
        );
        const events = await audit();
        expect(events).toHaveLength(4);
        expect(events[0]).toMatchObject({
          actor: JANE,
          action: 'pack.create',
          target: 'pack:zeta-agent@1.0.0',
          after: zeta1,
        });
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'refuses a duplicate name and version on %p',
      async databaseId => {
        const { store, audit } = await setUp(databaseId);
        await store.addCustomPack(alpha1, JANE);
        await expect(
          store.addCustomPack({ ...alpha1, description: 'changed' }, JOE),
        ).rejects.toThrow(ConflictError);
        expect(await store.listCustomPacks()).toEqual([alpha1]);
        expect(await audit()).toHaveLength(1);
      },
    );
  });

  describe('transactions and the audit log', () => {
    async function setUpFailing(databaseId: TestDatabaseId) {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const auditLog = new FailingAuditLog(knex);
      const store = new DatabaseProfileStore({ db: knex, auditLog });
      return { knex, auditLog, store };
    }

    it.each(PALETTE_TEST_DATABASE_IDS)(
      'leaves neither change nor audit row when the audit write fails on %p',
      async databaseId => {
        const { store, auditLog } = await setUpFailing(databaseId);
        auditLog.failOn = 'profile.create';
        await expect(store.createProfile(AWS_INFRA, JANE)).rejects.toThrow(
          /audit failure/,
        );
        expect(await store.getProfile('aws-infra')).toBeUndefined();
        expect(await auditLog.list()).toEqual([]);

        auditLog.failOn = undefined;
        await seedProfile(store, AWS_INFRA, ['1.0.0'], { draft: true });
        const snapshot = await store.getProfile('aws-infra');
        const auditCount = (await auditLog.list({ limit: 500 })).length;

        auditLog.failOn = 'profile.publish';
        await expect(
          store.publish(
            'aws-infra',
            { version: '2.0.0', changeNote: 'x' },
            JOE,
          ),
        ).rejects.toThrow(/audit failure/);
        auditLog.failOn = 'profile.draft.save';
        await expect(
          store.saveDraft('aws-infra', { layers: [] }, JOE),
        ).rejects.toThrow(/audit failure/);
        auditLog.failOn = 'profile.deprecate';
        await expect(
          store.setDeprecated('aws-infra', '1.0.0', true, JOE),
        ).rejects.toThrow(/audit failure/);
        auditLog.failOn = 'profile.version.delete';
        await expect(
          store.deleteVersion('aws-infra', '1.0.0', JOE),
        ).rejects.toThrow(/audit failure/);
        auditLog.failOn = 'profile.delete';
        await expect(store.deleteProfile('aws-infra', JOE)).rejects.toThrow(
          /audit failure/,
        );
        auditLog.failOn = 'pack.create';
        await expect(store.addCustomPack(TEAM_CHART, JOE)).rejects.toThrow(
          /audit failure/,
        );

        // Everything is as it was: draft, version, no pack, no new audit row.
        expect(await store.getProfile('aws-infra')).toEqual(snapshot);
        expect(await store.getVersion('aws-infra', '2.0.0')).toBeUndefined();
        expect(await store.listCustomPacks()).toEqual([]);
        expect(await auditLog.list({ limit: 500 })).toHaveLength(auditCount);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      "commits or rolls back with the caller's transaction on %p",
      async databaseId => {
        const { knex, store, audit } = await setUp(databaseId);

        const rollback = new Error('caller gave up');
        await expect(
          knex.transaction(async tx => {
            await store.createProfile(AWS_INFRA, JANE, { tx });
            await store.publish(
              'aws-infra',
              { version: '1.0.0', changeNote: 'x' },
              JANE,
              { tx },
            );
            // Reads in the transaction see the uncommitted change.
            expect(
              (await store.getProfile('aws-infra', { tx }))?.latestVersion,
            ).toBe('1.0.0');
            throw rollback;
          }),
        ).rejects.toBe(rollback);
        expect(await store.getProfile('aws-infra')).toBeUndefined();
        expect(await audit()).toEqual([]);

        await knex.transaction(async tx => {
          await store.createProfile(AWS_INFRA, JANE, { tx });
          await store.publish(
            'aws-infra',
            { version: '1.0.0', changeNote: 'x' },
            JANE,
            { tx },
          );
        });
        expect((await store.getProfile('aws-infra'))?.latestVersion).toBe(
          '1.0.0',
        );
        expect((await audit()).map(e => e.action)).toEqual([
          'profile.create',
          'profile.publish',
        ]);
      },
    );

    it.each(PALETTE_TEST_DATABASE_IDS)(
      "keeps the caller's transaction usable after a failed SQL statement on %p",
      async databaseId => {
        const { knex, store, auditLog } = await setUpFailing(databaseId);

        await knex.transaction(async tx => {
          await store.createProfile(AWS_INFRA, JANE, { tx });
          // A failing statement aborts a PostgreSQL transaction; the store's
          // savepoint confines it to the failed change.
          auditLog.failOn = 'profile.publish';
          auditLog.failWithSql = true;
          await expect(
            store.publish(
              'aws-infra',
              { version: '1.0.0', changeNote: 'x' },
              JANE,
              { tx },
            ),
          ).rejects.toThrow(/no_such_table/);
          auditLog.failOn = undefined;
          await store.publish(
            'aws-infra',
            { version: '1.0.1', changeNote: 'y' },
            JANE,
            { tx },
          );
        });
        const profile = await store.getProfile('aws-infra');
        expect(profile?.versions.map(v => v.version)).toEqual(['1.0.1']);
        expect(profile?.hasDraft).toBe(false);
        expect(
          (await auditLog.list({ limit: 500 })).map(e => e.target).reverse(),
        ).toEqual(['profile:aws-infra', 'profile:aws-infra@1.0.1']);
        expect(rowCount(await knex(AUDIT_EVENTS_TABLE).count({ n: '*' }))).toBe(
          2,
        );
      },
    );
  });

  describe('create', () => {
    it.each(PALETTE_TEST_DATABASE_IDS)(
      'applies the migrations through the database service on %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const store = await DatabaseProfileStore.create({
          database: { getClient: async () => knex },
        });
        await store.createProfile(AWS_INFRA, JANE);
        expect(await store.getProfile('aws-infra')).toBeDefined();
        expect(await store.auditLog.list()).toHaveLength(1);

        const skipped = await databases.init(databaseId);
        await DatabaseProfileStore.create({
          database: {
            getClient: async () => skipped,
            migrations: { skip: true },
          },
        });
        expect(await skipped.schema.hasTable(PROFILE_TABLES.profiles)).toBe(
          false,
        );
      },
    );
  });
});
