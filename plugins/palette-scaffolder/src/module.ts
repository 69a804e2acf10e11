import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPaletteActions } from './actions';

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
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(...createPaletteActions());
      },
    });
  },
});
