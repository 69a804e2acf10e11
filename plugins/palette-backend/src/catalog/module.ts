import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { PALETTE_PROFILES_PROVIDER_NAME } from './constants';
import { HttpProfileCatalogSource } from './HttpProfileCatalogSource';
import { PaletteProfileEntityProvider } from './PaletteProfileEntityProvider';
import { subscribeToProfileEvents } from './subscribeToProfileEvents';

/**
 * Catalog module that publishes every cluster profile of palette-backend as
 * a `Resource` entity of type `cluster-profile`: a full sync after start-up
 * and every 30 minutes, and a delta per `palette.profiles` event.
 *
 * @public
 */
export const catalogModulePaletteProfiles = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'palette-profiles',
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
        const providerLogger = logger.child({
          provider: PALETTE_PROFILES_PROVIDER_NAME,
        });
        const provider = PaletteProfileEntityProvider.create({
          source: new HttpProfileCatalogSource({ discovery, auth }),
          logger: providerLogger,
          scheduler,
          appBaseUrl: config.getOptionalString('app.baseUrl'),
          // The catalog connects before palette-backend serves requests.
          initialSync: 'deferred',
        });
        catalog.addEntityProvider(provider);
        lifecycle.addStartupHook(() => {
          // Not awaited, so a slow listing never holds up start-up.
          provider.refresh().catch(error => {
            providerLogger.error(
              `Initial cluster profile sync failed: ${error}`,
            );
          });
        });
        await subscribeToProfileEvents({
          events,
          provider,
          logger: providerLogger,
        });
      },
    });
  },
});
