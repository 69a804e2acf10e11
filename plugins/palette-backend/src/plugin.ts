import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { palettePermissions } from '@palette-backstage/plugin-palette-common';
import { HealthReporter } from './health/HealthReporter';
import { readManagementClusterConfig } from './management/managementClusterConfig';
import { ManagementClusters } from './management/ManagementClusters';
import { createRouter } from './service/router';

/**
 * palette-backend: cluster profiles, governance and Cluster API orchestration.
 *
 * @public
 */
export const palettePlugin = createBackendPlugin({
  pluginId: 'palette',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        logger,
        database,
        httpAuth,
        httpRouter,
        lifecycle,
        permissionsRegistry,
      }) {
        permissionsRegistry.addPermissions(palettePermissions);
        const db = await database.getClient();
        const { clusters, stop } = await ManagementClusters.start(
          readManagementClusterConfig(config),
          logger,
        );
        lifecycle.addShutdownHook(stop);
        const health = new HealthReporter(db, clusters);
        httpRouter.use(await createRouter({ httpAuth, health }));
      },
    });
  },
});
