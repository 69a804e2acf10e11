import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ClusterCatalogRecord } from './ClusterCatalogSource';
import { DEFAULT_PALETTE_SYNC_SCHEDULE } from './PaletteEntityProvider';
import { PaletteClusterEntityProvider } from './PaletteClusterEntityProvider';
import { eksCluster, provisioningCluster } from './testFixtures';
import { FakeSource, fakeConnection, namesOf } from './__testUtils__/testUtils';

/*
 * The sync machinery (ordering, coalescing, failures, initial sync) is shared
 * with profiles and tested in PaletteProfileEntityProvider.test.ts; these
 * tests cover what is particular to clusters.
 */
describe('PaletteClusterEntityProvider', () => {
  const logger = mockServices.logger.mock();

  beforeEach(() => jest.clearAllMocks());

  async function connected(
    source: FakeSource<ClusterCatalogRecord>,
    options: Partial<
      ConstructorParameters<typeof PaletteClusterEntityProvider>[0]
    > = {},
  ) {
    const provider = new PaletteClusterEntityProvider({
      source,
      logger,
      appBaseUrl: 'https://portal.example.com',
      ...options,
    });
    const { connection, mutations } = fakeConnection();
    await provider.connect(connection);
    return { provider, mutations };
  }

  it('is named palette-clusters', () => {
    const provider = new PaletteClusterEntityProvider({
      source: new FakeSource(),
      logger,
    });
    expect(provider.getProviderName()).toBe('palette-clusters');
  });

  it('publishes every cluster but the deleted ones in a full mutation', async () => {
    const source = new FakeSource(
      eksCluster(),
      provisioningCluster(),
      eksCluster({ name: 'old-prod', phase: 'Deleted' }),
      eksCluster({ name: 'going', phase: 'Deleting' }),
    );

    const { mutations } = await connected(source);

    expect(mutations).toHaveLength(1);
    const mutation = mutations[0];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    expect(namesOf(mutation.entities)).toEqual([
      'edge-dev',
      'going',
      'payments-prod',
    ]);
    for (const { entity, locationKey } of mutation.entities) {
      expect(locationKey).toBe('palette:clusters');
      expect(entity).toMatchObject({
        kind: 'Resource',
        spec: { type: 'kubernetes-cluster' },
      });
    }
    const going = mutation.entities.find(
      e => e.entity.metadata.name === 'going',
    )!;
    expect(going.entity.metadata.annotations).toMatchObject({
      'palette.io/phase': 'Deleting',
    });
    expect(going.entity.metadata.links?.[0].url).toBe(
      'https://portal.example.com/palette/clusters/going',
    );
  });

  it('upserts a cluster whose phase changed with a delta', async () => {
    const source = new FakeSource(eksCluster());
    const { provider, mutations } = await connected(source);

    source.put(eksCluster({ phase: 'Updating', kubernetesVersion: '1.35.0' }));
    await provider.clusterChanged('payments-prod');

    expect(source.get).toHaveBeenCalledWith('payments-prod');
    expect(mutations[1]).toMatchObject({
      type: 'delta',
      removed: [],
      added: [
        {
          locationKey: 'palette:clusters',
          entity: {
            metadata: {
              name: 'payments-prod',
              annotations: {
                'palette.io/phase': 'Updating',
                'palette.io/kubernetes-version': '1.35.0',
              },
            },
          },
        },
      ],
    });
  });

  it.each([
    [
      'is Deleted',
      (s: FakeSource<ClusterCatalogRecord>) =>
        s.put(eksCluster({ phase: 'Deleted' })),
    ],
    [
      'is gone (404)',
      (s: FakeSource<ClusterCatalogRecord>) => s.items.delete('payments-prod'),
    ],
  ])('removes the entity of a cluster that %s', async (_, remove) => {
    const source = new FakeSource(eksCluster());
    const { provider, mutations } = await connected(source, {
      namespace: 'fleet',
    });

    remove(source);
    await provider.clusterChanged('payments-prod');

    expect(mutations[1]).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: 'resource:fleet/payments-prod',
          locationKey: 'palette:clusters',
        },
      ],
    });
  });

  it('ignores a change with a name that is not a cluster name', async () => {
    const source = new FakeSource(eksCluster());
    const { provider, mutations } = await connected(source);

    await provider.clusterChanged('Payments_Prod');
    await provider.clusterChanged('x'.repeat(41));

    expect(source.get).not.toHaveBeenCalled();
    expect(mutations).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('not a cluster name'),
    );
  });

  it('passes the profile namespace and the Kubernetes options to the entities', async () => {
    const source = new FakeSource(eksCluster());
    const { mutations } = await connected(source, {
      profileNamespace: 'palette',
      kubernetes: { authProviders: { eks: 'aws' } },
    });

    const mutation = mutations[0];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    const { entity } = mutation.entities[0];
    expect(entity.spec?.dependsOn).toEqual([
      'resource:palette/aws-infra',
      'resource:palette/observability',
    ]);
    expect(entity.metadata.annotations).toMatchObject({
      'kubernetes.io/auth-provider': 'aws',
    });
  });

  it('schedules its own full sync on the default schedule', async () => {
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
    const runner = {
      run: jest.fn(async (task: SchedulerServiceTaskInvocationDefinition) => {
        tasks.push(task);
      }),
    };
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: jest.fn(() => runner),
    });
    const source = new FakeSource(eksCluster());
    const provider = PaletteClusterEntityProvider.create({
      source,
      logger,
      scheduler,
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      DEFAULT_PALETTE_SYNC_SCHEDULE,
    );

    const { connection, mutations } = fakeConnection();
    await provider.connect(connection);
    expect(tasks.map(t => t.id)).toEqual(['palette-clusters:refresh']);

    source.put(provisioningCluster());
    await tasks[0].fn(new AbortController().signal);
    const mutation = mutations[1];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    expect(namesOf(mutation.entities)).toEqual(['edge-dev', 'payments-prod']);
  });
});
