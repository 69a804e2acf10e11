import {
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  PALETTE_CLUSTERS_PROVIDER_NAME,
  PALETTE_PROFILES_PROVIDER_NAME,
} from './constants';
import { HttpClusterCatalogSource } from './HttpClusterCatalogSource';
import { HttpProfileCatalogSource } from './HttpProfileCatalogSource';
import { PaletteClusterEntityProvider } from './PaletteClusterEntityProvider';
import { PaletteEntityProvider } from './PaletteEntityProvider';
import { PaletteProfileEntityProvider } from './PaletteProfileEntityProvider';
import { subscribeToClusterEvents } from './subscribeToClusterEvents';
import { subscribeToProfileEvents } from './subscribeToProfileEvents';

/**
 * Catalog module that publishes the cluster profiles and the clusters of
 * palette-backend as `Resource` entities (`cluster-profile`,
 * `kubernetes-cluster`): a full sync of each after start-up and every 30
 * minutes, and a delta per `palette.profiles` or `palette.clusters` event.
 *
 * @public
 */
export const catalogModulePalette = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'palette',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        discovery,
        auth,
        scheduler,
        lifecycle,
        events,
      }) {
        const common = {
          scheduler,
          appBaseUrl: config.getOptionalString('app.baseUrl'),
          // The catalog connects before palette-backend serves requests.
          initialSync: 'deferred' as const,
        };
        const register = (
          provider: PaletteEntityProvider<{ name: string }>,
          providerLogger: LoggerService,
        ) => {
          catalog.addEntityProvider(provider);
          lifecycle.addStartupHook(() => {
            // Not awaited, so a slow listing never holds up start-up.
            provider.refresh().catch(error => {
              providerLogger.error(`Initial catalog sync failed: ${error}`);
            });
          });
        };

        const profileLogger = logger.child({
          provider: PALETTE_PROFILES_PROVIDER_NAME,
        });
        const profiles = PaletteProfileEntityProvider.create({
          ...common,
          source: new HttpProfileCatalogSource({ discovery, auth }),
          logger: profileLogger,
        });
        register(profiles, profileLogger);
        await subscribeToProfileEvents({
          events,
          provider: profiles,
          logger: profileLogger,
        });

        const clusterLogger = logger.child({
          provider: PALETTE_CLUSTERS_PROVIDER_NAME,
        });
        const clusters = PaletteClusterEntityProvider.create({
          ...common,
          source: new HttpClusterCatalogSource({ discovery, auth }),
          logger: clusterLogger,
        });
        register(clusters, clusterLogger);
        await subscribeToClusterEvents({
          events,
          provider: clusters,
          logger: clusterLogger,
        });
      },
    });
  },
});

/**
 * The same module under its former name, from when it published profiles
 * only. Add one of the two names to a backend, not both.
 *
 * @public
 * @deprecated Use {@link catalogModulePalette}.
 */
export const catalogModulePaletteProfiles = catalogModulePalette;
