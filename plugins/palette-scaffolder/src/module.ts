import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPaletteActions } from './actions';
import { PaletteClusterClient } from './client/PaletteClusterClient';

/**
 * Adds the Palette template actions to the scaffolder. They call
 * palette-backend over HTTP on behalf of the template's initiator, so the
 * user's own permissions and governance apply.
 *
 * @public
 */
export const paletteScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'palette',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ scaffolder, auth, discovery }) {
        const client = new PaletteClusterClient({ auth, discovery });
        scaffolder.addActions(...createPaletteActions({ client, auth }));
      },
    });
  },
});
