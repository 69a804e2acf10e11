import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PalettePermissionPolicy } from './PalettePermissionPolicy';
import { readRoleMembers, ROLES_CONFIG_KEY } from './roles';

/**
 * The portal's permission policy: Palette roles from
 * `palette.governance.roles`, allow-all for the rest of the portal.
 * Replaces `@backstage/plugin-permission-backend-module-allow-all-policy`.
 */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'palette-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, logger, userInfo }) {
        const members = readRoleMembers(config);
        if (members.size === 0) {
          logger.warn(
            `No Palette roles in ${ROLES_CONFIG_KEY}: signed-in users may only read cluster profiles`,
          );
        } else {
          const summary = [...members]
            .map(([role, refs]) => `${role}: ${[...refs].join(', ') || '-'}`)
            .join('; ');
          logger.info(`Palette roles: ${summary}`);
        }
        policy.setPolicy(new PalettePermissionPolicy({ members, userInfo }));
      },
    });
  },
});
