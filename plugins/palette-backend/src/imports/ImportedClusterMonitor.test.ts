import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { AuditLog } from '../audit/AuditLog';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { APOLLO, ALICE, manualClock } from '../clusters/testFixtures';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import {
  FakeWorkloadCluster,
  fakeNode,
} from './__testUtils__/fakeWorkloadCluster';
import { memoryManagementClient } from './__testUtils__/memoryManagementClient';
import { ImportedClusterMonitor } from './ImportedClusterMonitor';
import { importedRequest } from './importedRequest';
import { importSecret, importSecretName } from './kubeconfig/importSecret';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();

describe.each(PALETTE_TEST_DATABASE_IDS)(
  'ImportedClusterMonitor on %s',
  engine => {
    let workload: FakeWorkloadCluster;
    beforeEach(async () => {
      workload = await FakeWorkloadCluster.start();
    });
    afterEach(() => workload.stop());

    async function setup(databaseId: TestDatabaseId = engine) {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const clock = manualClock();
      const store = new DatabaseClusterStore({
        db: knex,
        auditLog: new AuditLog(knex, { clock: clock.fn }),
        clock: clock.fn,
      });
      const client = memoryManagementClient();
      const changed: Array<[string, string, boolean]> = [];
      const monitor = new ImportedClusterMonitor({
        store,
        client: () => client,
        logger: mockServices.logger.mock(),
        onChanged: (record, phaseChanged) => {
          changed.push([record.name, record.phase, phaseChanged]);
        },
        callTimeoutMs: 2_000,
        clock: clock.fn,
      });
      await client.apply(
        importSecret('legacy', 'palette-clusters', workload.kubeconfig()),
      );
      const record = await store.createImported(
        {
          request: importedRequest({
            name: 'legacy',
            mode: 'read-only',
            addOnProfiles: [],
            owner: APOLLO,
            project: 'system:default/payments',
            environment: 'production',
          }),
          managementCluster: 'm',
          namespace: 'palette-clusters',
          provider: 'vsphere',
          mode: 'read-only',
          secretName: importSecretName('legacy'),
          createdBy: ALICE,
        },
        { action: 'cluster.import', reason: 'Imported', message: 'Imported' },
      );
      return { store, monitor, record, changed, client, clock };
    }

    it('moves Importing → Running → Degraded → Unreachable → Running, through the timeline', async () => {
      const { store, monitor, record, changed, clock } = await setup();
      expect(record.phase).toBe('Importing');

      const running = await monitor.check(record);
      expect(running).toMatchObject({
        phase: 'Running',
        provider: 'eks',
        region: 'eu-west-1',
        kubernetesVersion: 'v1.32.3-eks-4096722',
        nodes: { ready: 2, desired: 2 },
      });
      expect(running.imported).toMatchObject({
        mode: 'read-only',
        lastDiscoveredAt: clock.fn().toISOString(),
      });
      expect(running.imported!.inventory!.kubernetes.distribution).toBe('eks');
      expect(running.request.workerPools).toEqual([
        { name: 'general', instanceType: 'm6i.large', count: 2 },
      ]);

      workload.state.nodes[1] = fakeNode('ip-10-0-2-20', {
        ready: false,
        labels: { 'eks.amazonaws.com/nodegroup': 'general' },
      });
      clock.advance(60_000);
      const degraded = await monitor.check(running);
      expect(degraded.phase).toBe('Degraded');
      expect(degraded.message).toBe('1 of 2 node(s) not Ready: ip-10-0-2-20');
      expect(degraded.nodes).toEqual({ ready: 1, desired: 2 });

      workload.state.failWith = 401;
      clock.advance(60_000);
      const refused = await monitor.check(degraded);
      expect(refused.phase).toBe('Unreachable');
      expect(refused.message).toMatch(/refused the stored credentials/);
      expect(refused.imported!.lastError).toMatch(/HTTP 401/);
      // The last good inventory stays.
      expect(refused.imported!.inventory!.nodes).toHaveLength(2);

      workload.state.failWith = undefined;
      workload.state.nodes[1] = fakeNode('ip-10-0-2-20');
      clock.advance(60_000);
      const back = await monitor.check(refused);
      expect(back.phase).toBe('Running');
      expect(back.imported!.lastError).toBeUndefined();

      const phases = (await store.listEvents(record.id))
        .filter(e => e.type === 'phase')
        .map(e => e.phase)
        .reverse();
      expect(phases).toEqual(['Running', 'Degraded', 'Unreachable', 'Running']);
      expect(changed.filter(c => c[2]).map(c => c[1])).toEqual([
        'Running',
        'Degraded',
        'Unreachable',
        'Running',
      ]);
    });

    it('is Unreachable, saying so, when the API server does not answer', async () => {
      const { monitor, record } = await setup();
      await workload.stop();
      const result = await monitor.check(record);
      expect(result.phase).toBe('Unreachable');
      expect(result.message).toMatch(
        /cannot be reached: the API server does not answer/,
      );
      expect(result.imported!.inventory).toBeUndefined();
      workload = await FakeWorkloadCluster.start();
    });

    it('checks every live imported cluster, and leaves those being detached alone', async () => {
      const { store, monitor, record } = await setup();
      await monitor.checkAll();
      expect((await store.get('legacy'))!.phase).toBe('Running');
      await store.changeDesired(
        'legacy',
        () => ({ deletionRequestedAt: new Date().toISOString() }),
        {
          actor: ALICE,
          action: 'cluster.delete',
          reason: 'DeleteRequested',
          message: 'x',
        },
      );
      workload.state.failWith = 500;
      await monitor.checkAll();
      expect((await store.get('legacy'))!.phase).toBe('Running');
      expect(record.id).toBeDefined();
    });
  },
);
