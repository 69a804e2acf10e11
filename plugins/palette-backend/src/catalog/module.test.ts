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
import { ProfileSummary } from '@palette-backstage/plugin-palette-common';
import express from 'express';
import Router from 'express-promise-router';
import { catalogModulePaletteProfiles } from './module';
import { PaletteProfileEntityProvider } from './PaletteProfileEntityProvider';
import { awsInfraProfile, draftOnlyProfile } from './testFixtures';

/**
 * A stand-in for palette-backend: the two profile routes, served by the test
 * backend's real HTTP server, recording who called them.
 */
function fakePalettePlugin(profiles: Map<string, ProfileSummary>) {
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
          router.get('/profiles', (req, res) => {
            const limit = Number(req.query.limit);
            const offset = Number(req.query.offset);
            const items = [...profiles.values()];
            res.json({
              items: items.slice(offset, offset + limit),
              totalCount: items.length,
            });
          });
          router.get('/profiles/:name', (req, res) => {
            const profile = profiles.get(req.params.name);
            if (profile) {
              res.json(profile);
            } else {
              res.status(404).json({ error: { name: 'NotFoundError' } });
            }
          });
          httpRouter.use(router as express.Router);
        },
      });
    },
  });
  return { plugin, callers };
}

describe('catalogModulePaletteProfiles', () => {
  it('registers a provider that syncs over HTTP and applies events as deltas', async () => {
    const profiles = new Map<string, ProfileSummary>([
      ['aws-infra', awsInfraProfile()],
    ]);
    const palette = fakePalettePlugin(profiles);
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
        catalogModulePaletteProfiles,
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

    expect(providers).toHaveLength(1);
    const provider = providers[0] as PaletteProfileEntityProvider;
    expect(provider).toBeInstanceOf(PaletteProfileEntityProvider);
    expect(provider.getProviderName()).toBe('palette-profiles');

    // The catalog connects before the backend serves requests, so connect
    // must not read palette-backend; the first refresh does.
    const mutations: EntityProviderMutation[] = [];
    await provider.connect({
      applyMutation: async mutation => {
        mutations.push(mutation);
      },
      refresh: async () => {},
    });
    await provider.idle();
    expect(mutations).toHaveLength(0);

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
});
