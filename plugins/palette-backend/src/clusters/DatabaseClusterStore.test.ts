import { TestDatabaseId } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { AuditLog } from '../audit/AuditLog';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { DatabaseClusterStore } from './DatabaseClusterStore';
import {
  ALICE,
  APOLLO,
  CREATED,
  manualClock,
  newCluster,
  ZEPHYR,
} from './testFixtures';
import { ObservedClusterStatus } from './types';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();

const STATUS: ObservedClusterStatus = {
  conditions: [],
  controlPlane: { managed: false },
  pools: [],
};

describe.each(PALETTE_TEST_DATABASE_IDS)(
  'DatabaseClusterStore on %s',
  engine => {
    async function setup(databaseId: TestDatabaseId = engine) {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = manualClock();
      const auditLog = new AuditLog(knex, { clock: clock.fn });
      const store = new DatabaseClusterStore({
        db: knex,
        auditLog,
        clock: clock.fn,
      });
      return { knex, store, clock, auditLog };
    }

    it('stores a request with its timeline entry and audit event, and refuses a taken name', async () => {
      const { store, auditLog } = await setup();
      const created = await store.create(newCluster('demo'), CREATED);
      expect(created).toMatchObject({
        name: 'demo',
        phase: 'Requested',
        generation: 1,
        appliedGeneration: 0,
        owner: APOLLO,
        profile: { name: 'dev-full', version: '1.0.0' },
        createdBy: ALICE,
      });
      expect(created.request.workerPools[0].count).toBe(2);
      await expect(store.create(newCluster('demo'), CREATED)).rejects.toThrow(
        ConflictError,
      );
      const events = await store.listEvents(created.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'action',
        reason: 'Requested',
        actor: ALICE,
      });
      const audit = await auditLog.list({ target: 'cluster:demo' });
      expect(audit.map(a => a.action)).toEqual(['cluster.create']);
    });

    it('filters, sorts, pages and counts phases in the database', async () => {
      const { store } = await setup();
      for (const [name, owner, environment] of [
        ['alpha', APOLLO, 'dev'],
        ['bravo', ZEPHYR, 'production'],
        ['charlie', APOLLO, 'production'],
        ['delta', ZEPHYR, 'dev'],
      ] as const) {
        await store.create(newCluster(name, { owner, environment }), CREATED);
      }
      const bravo = (await store.get('bravo'))!;
      await store.recordStatus(bravo.id, {
        phase: 'Running',
        status: STATUS,
        nodes: { ready: 3, desired: 3 },
      });

      const all = await store.list({ sort: 'name', order: 'desc', limit: 2 });
      expect(all.items.map(c => c.name)).toEqual(['delta', 'charlie']);
      expect(all.totalCount).toBe(4);
      expect(all.phaseCounts).toEqual({ Requested: 3, Running: 1 });

      const running = await store.list({ phase: ['Running'] });
      expect(running.items.map(c => c.name)).toEqual(['bravo']);
      expect(running.totalCount).toBe(1);
      // Phase counts ignore the phase filter, so the UI can show every chip.
      expect(running.phaseCounts).toEqual({ Requested: 3, Running: 1 });

      const apolloProd = await store.list({
        owner: ['GROUP:default/team-apollo'],
        environment: ['production'],
      });
      expect(apolloProd.items.map(c => c.name)).toEqual(['charlie']);

      const searched = await store.list({ search: 'LT' });
      expect(searched.items.map(c => c.name)).toEqual(['delta']);

      const permitted = await store.list({
        filter: { property: 'owner', values: [ZEPHYR] },
        offset: 1,
      });
      expect(permitted.items.map(c => c.name)).toEqual(['delta']);
      expect(permitted.totalCount).toBe(2);
    });

    it('bumps the generation on a desired change, in one transaction with its audit event', async () => {
      const { store, auditLog } = await setup();
      await store.create(newCluster('demo'), CREATED);
      const changed = await store.changeDesired(
        'demo',
        current => ({
          request: {
            ...current.request,
            workerPools: [{ ...current.request.workerPools[0], count: 5 }],
          },
        }),
        {
          actor: ALICE,
          action: 'cluster.pool.update',
          reason: 'ScaleRequested',
          message: 'to 5',
        },
      );
      expect(changed.generation).toBe(2);
      expect(changed.request.workerPools[0].count).toBe(5);

      // A refusal inside the decision leaves nothing behind.
      await expect(
        store.changeDesired(
          'demo',
          () => {
            throw new ConflictError('no');
          },
          {
            actor: ALICE,
            action: 'cluster.pause',
            reason: 'Paused',
            message: '',
          },
        ),
      ).rejects.toThrow(ConflictError);
      expect((await store.get('demo'))!.generation).toBe(2);
      expect(
        (await auditLog.list({ target: 'cluster:demo' }))
          .map(a => a.action)
          .sort(),
      ).toEqual(['cluster.create', 'cluster.pool.update']);
      await expect(
        store.changeDesired('nope', () => ({}), {
          actor: ALICE,
          action: 'x',
          reason: 'x',
          message: '',
        }),
      ).rejects.toThrow(NotFoundError);
    });

    it('records status only when it changes, with a timeline entry per phase transition', async () => {
      const { store, clock } = await setup();
      const { id } = await store.create(newCluster('demo'), CREATED);
      clock.advance(1000);
      const first = await store.recordStatus(id, {
        phase: 'Provisioning',
        message: 'control plane 0/1',
        status: STATUS,
        nodes: { ready: 0, desired: 3 },
      });
      expect(first).toMatchObject({ changed: true, phaseChanged: true });
      const same = await store.recordStatus(id, {
        phase: 'Provisioning',
        message: 'control plane 0/1',
        status: STATUS,
        nodes: { ready: 0, desired: 3 },
      });
      expect(same).toMatchObject({ changed: false, phaseChanged: false });
      clock.advance(1000);
      await store.recordStatus(id, {
        phase: 'Running',
        status: STATUS,
        nodes: { ready: 3, desired: 3 },
      });
      const record = (await store.getById(id))!;
      expect(record).toMatchObject({
        phase: 'Running',
        everRunning: true,
        phaseSince: '2026-11-23T10:00:02.000Z',
        nodes: { ready: 3, desired: 3 },
      });
      const events = await store.listEvents(id);
      expect(events.map(e => e.phase ?? e.type)).toEqual([
        'Running',
        'Provisioning',
        'Requested',
      ]);
    });

    it('records reconciliations: applied generation, drift and errors on the timeline', async () => {
      const { store } = await setup();
      const { id } = await store.create(newCluster('demo'), CREATED);
      await store.recordReconcile(id, {
        appliedGeneration: 1,
        inventory: [
          {
            apiVersion: 'cluster.x-k8s.io/v1beta2',
            kind: 'Cluster',
            name: 'demo',
          },
        ],
        drift: [],
        reconcileError: null,
      });
      let record = (await store.getById(id))!;
      expect(record.appliedGeneration).toBe(1);
      expect(record.inventory).toHaveLength(1);
      expect(record.appliedAt).toBeDefined();

      await store.recordReconcile(id, {
        reconcileError: 'management cluster "embedded" is unreachable',
      });
      await store.recordReconcile(id, {
        reconcileError: 'management cluster "embedded" is unreachable',
      });
      await store.recordReconcile(id, {
        drift: [
          {
            object: 'HelmChartProxy/demo-grafana',
            path: 'spec.version',
            desired: '1',
            live: '2',
          },
        ],
        reconcileError: null,
      });
      record = (await store.getById(id))!;
      expect(record.drifted).toBe(true);
      expect(record.reconcileError).toBeUndefined();
      const events = await store.listEvents(id);
      // The repeated error is one entry, not two.
      expect(events.filter(e => e.type === 'error')).toHaveLength(1);
      expect(events.find(e => e.type === 'drift')?.message).toContain(
        'HelmChartProxy/demo-grafana spec.version',
      );
    });

    it('leases a cluster to one instance at a time until it expires', async () => {
      const { store, clock } = await setup();
      const { id } = await store.create(newCluster('demo'), CREATED);
      expect(await store.claimLease(id, 'a', 10_000)).toBe(true);
      expect(await store.claimLease(id, 'b', 10_000)).toBe(false);
      expect(await store.claimLease(id, 'a', 10_000)).toBe(true);
      clock.advance(10_001);
      expect(await store.claimLease(id, 'b', 10_000)).toBe(true);
      await store.releaseLease(id, 'a'); // not a's any more: no effect
      expect(await store.claimLease(id, 'a', 10_000)).toBe(false);
      await store.releaseLease(id, 'b');
      expect(await store.claimLease(id, 'a', 10_000)).toBe(true);
    });

    it('frees the name of a deleted cluster and keeps its record for history', async () => {
      const { store } = await setup();
      const first = await store.create(newCluster('demo'), CREATED);
      await store.markDeleted(first.id, 'gone');
      expect((await store.get('demo'))!).toMatchObject({
        phase: 'Deleted',
        id: first.id,
      });
      expect((await store.list()).totalCount).toBe(0);
      expect((await store.list({ includeDeleted: true })).totalCount).toBe(1);
      const second = await store.create(newCluster('demo'), CREATED);
      expect(second.id).not.toBe(first.id);
      expect((await store.get('demo'))!.id).toBe(second.id);
      expect(await store.claimLease(first.id, 'a', 1000)).toBe(false);
    });

    it('gets many clusters at once, each as get finds it', async () => {
      const { store } = await setup();
      const first = await store.create(newCluster('demo'), CREATED);
      await store.markDeleted(first.id, 'gone');
      const second = await store.create(newCluster('demo'), CREATED);
      const gone = await store.create(newCluster('gone'), CREATED);
      await store.markDeleted(gone.id, 'gone');
      await store.create(newCluster('other'), CREATED);
      const found = await store.getMany(['demo', 'gone', 'missing', 'demo']);
      expect([...found.keys()].sort()).toEqual(['demo', 'gone']);
      expect(found.get('demo')!.id).toBe(second.id);
      expect(found.get('gone')).toEqual(await store.get('gone'));
      expect(found.get('gone')!.deletedAt).toBeDefined();
      expect(await store.getMany([])).toEqual(new Map());
    });

    it('names the live clusters that run a profile or one version of it', async () => {
      const { store } = await setup();
      await store.create(newCluster('one'), CREATED);
      await store.create(
        newCluster('two', {
          profile: { name: 'dev-full', version: '1.1.0' },
          addOnProfiles: [{ name: 'observability', version: '1.0.0' }],
        }),
        CREATED,
      );
      const gone = await store.create(newCluster('three'), CREATED);
      await store.markDeleted(gone.id, 'gone');
      expect(await store.clustersUsingProfile('dev-full')).toEqual([
        'one',
        'two',
      ]);
      expect(await store.clustersUsingProfile('dev-full', '1.0.0')).toEqual([
        'one',
      ]);
      expect(await store.clustersUsingProfile('observability')).toEqual([
        'two',
      ]);
      expect(
        await store.clustersUsingProfile('observability', '2.0.0'),
      ).toEqual([]);
      expect(await store.clustersUsingProfile('observ')).toEqual([]);
    });
  },
);
