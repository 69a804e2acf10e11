import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import {
  ClusterDetails,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';
import express from 'express';
import Router from 'express-promise-router';
import { catalogModulePalette, catalogModulePaletteProfiles } from './module';
import { PaletteClusterEntityProvider } from './PaletteClusterEntityProvider';
import { PaletteProfileEntityProvider } from './PaletteProfileEntityProvider';
import {
  awsInfraProfile,
  draftOnlyProfile,
  eksClusterDetails,
} from './testFixtures';

/** The list and read routes of one collection, like palette-backend's. */
function collectionRoutes<T>(
  router: express.Router,
  path: string,
  items: Map<string, T>,
) {
  router.get(path, (req, res) => {
    const limit = Number(req.query.limit);
    const offset = Number(req.query.offset);
    const all = [...items.values()];
    res.json({
      items: all.slice(offset, offset + limit),
      totalCount: all.length,
    });
  });
  router.get(`${path}/:name`, (req, res) => {
    const item = items.get(req.params.name);
    if (item) {
      res.json(item);
    } else {
      res.status(404).json({ error: { name: 'NotFoundError' } });
    }
  });
}

/**
 * A stand-in for palette-backend: the profile and cluster routes, served by
 * the test backend's real HTTP server, recording who called them.
 */
function fakePalettePlugin(
  profiles: Map<string, ProfileSummary>,
  clusters: Map<string, ClusterDetails>,
) {
  const callers: string[] = [];
  const plugin = createBackendPlugin({
    pluginId: 'palette',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.use(async (req, _res, next) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            callers.push(credentials.principal.subject);
            next();
          });
          collectionRoutes(router, '/profiles', profiles);
          collectionRoutes(router, '/clusters', clusters);
          httpRouter.use(router as express.Router);
        },
      });
    },
  });
  return { plugin, callers };
}

/** Starts a backend with the module and a fake palette-backend. */
async function startBackend() {
  const profiles = new Map<string, ProfileSummary>([
    ['aws-infra', awsInfraProfile()],
  ]);
  const clusters = new Map<string, ClusterDetails>([
    ['payments-prod', eksClusterDetails()],
  ]);
  const palette = fakePalettePlugin(profiles, clusters);
  const providers: EntityProvider[] = [];
  // One in-process events service shared by the plugins, as in a backend.
  const events = DefaultEventsService.create({
    logger: mockServices.logger.mock(),
  });

  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addEntityProvider: (
            ...added: (EntityProvider | EntityProvider[])[]
          ) => providers.push(...added.flat()),
        },
      ],
    ],
    features: [
      catalogModulePalette,
      palette.plugin,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'https://portal.example.com' } },
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: { pluginMetadata: coreServices.pluginMetadata },
        factory: ({ pluginMetadata }) =>
          events.forPlugin(pluginMetadata.getId()),
      }),
    ],
  });
  return { profiles, clusters, palette, providers, events };
}

/**
 * Connects a provider the way the catalog does, checking that connect does
 * not read palette-backend: the catalog connects before the backend serves
 * requests, so the first refresh (a start-up hook) does.
 */
async function connect(provider: EntityProvider & { idle(): Promise<void> }) {
  const mutations: EntityProviderMutation[] = [];
  await provider.connect({
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  });
  await provider.idle();
  expect(mutations).toHaveLength(0);
  return mutations;
}

describe('catalogModulePalette', () => {
  it('keeps its former name as an alias', () => {
    expect(catalogModulePaletteProfiles).toBe(catalogModulePalette);
  });

  it('registers a profile provider that syncs over HTTP and applies events as deltas', async () => {
    const { profiles, palette, providers, events } = await startBackend();

    expect(providers.map(p => p.getProviderName())).toEqual([
      'palette-profiles',
      'palette-clusters',
    ]);
    const provider = providers[0] as PaletteProfileEntityProvider;
    expect(provider).toBeInstanceOf(PaletteProfileEntityProvider);
    const mutations = await connect(provider);

    await provider.refresh();
    expect(mutations).toHaveLength(1);
    const full = mutations[0];
    if (full.type !== 'full') throw new Error('expected a full mutation');
    expect(full.entities.map(e => e.entity.metadata.name)).toEqual([
      'aws-infra',
    ]);
    expect(full.entities[0].entity.metadata.links).toEqual([
      expect.objectContaining({
        url: 'https://portal.example.com/palette/profiles/aws-infra',
      }),
    ]);

    profiles.set('edge-addons', draftOnlyProfile());
    await events.publish({
      topic: 'palette.profiles',
      eventPayload: { name: 'edge-addons' },
    });
    await provider.idle();
    expect(mutations[1]).toMatchObject({
      type: 'delta',
      added: [{ entity: { metadata: { name: 'edge-addons' } } }],
      removed: [],
    });

    profiles.delete('aws-infra');
    await events.publish({
      topic: 'palette.profiles',
      eventPayload: { name: 'aws-infra' },
    });
    await provider.idle();
    expect(mutations[2]).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: 'resource:default/aws-infra',
          locationKey: 'palette:profiles',
        },
      ],
    });

    // Every call reached palette-backend with the catalog's service token.
    expect(palette.callers).toHaveLength(3);
    expect(new Set(palette.callers)).toEqual(new Set(['plugin:catalog']));
  });

  it('registers a cluster provider that syncs over HTTP and applies events as deltas', async () => {
    const { clusters, palette, providers, events } = await startBackend();
    const provider = providers[1] as PaletteClusterEntityProvider;
    expect(provider).toBeInstanceOf(PaletteClusterEntityProvider);
    const mutations = await connect(provider);

    await provider.refresh();
    expect(mutations).toHaveLength(1);
    const full = mutations[0];
    if (full.type !== 'full') throw new Error('expected a full mutation');
    expect(full.entities).toHaveLength(1);
    expect(full.entities[0]).toMatchObject({
      locationKey: 'palette:clusters',
      entity: {
        metadata: {
          name: 'payments-prod',
          annotations: {
            'palette.io/phase': 'Running',
            'kubernetes.io/api-server':
              'https://payments-prod.eks.eu-west-1.amazonaws.com',
          },
          links: [
            {
              url: 'https://portal.example.com/palette/clusters/payments-prod',
            },
            { url: 'https://portal.example.com/palette/clusters' },
          ],
        },
        spec: { type: 'kubernetes-cluster', dependsOn: expect.any(Array) },
      },
    });

    clusters.set(
      'payments-prod',
      eksClusterDetails({ phase: 'Deleting', deletionRequestedAt: 'now' }),
    );
    await events.publish({
      topic: 'palette.clusters',
      eventPayload: { name: 'payments-prod' },
    });
    await provider.idle();
    expect(mutations[1]).toMatchObject({
      type: 'delta',
      added: [
        {
          entity: {
            metadata: { annotations: { 'palette.io/phase': 'Deleting' } },
          },
        },
      ],
    });

    clusters.delete('payments-prod');
    await events.publish({
      topic: 'palette.clusters',
      eventPayload: { name: 'payments-prod' },
    });
    await provider.idle();
    expect(mutations[2]).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: 'resource:default/payments-prod',
          locationKey: 'palette:clusters',
        },
      ],
    });

    // The listing, a read per cluster, then a read per event; all as the
    // catalog.
    expect(palette.callers).toHaveLength(4);
    expect(new Set(palette.callers)).toEqual(new Set(['plugin:catalog']));
  });
});
