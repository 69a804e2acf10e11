/*
 * The portal's backend: the new backend system with the catalog, scaffolder,
 * search, auth, permissions and the Palette suite.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogModulePaletteProfiles } from '@palette-backstage/plugin-palette-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Software templates, with Palette's cluster actions.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(
  import('@palette-backstage/plugin-scaffolder-backend-module-palette'),
);

// Sign-in: guest for the default portal, and `dev-user` (development and
// tests only) to act as any catalog user; see the README.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('./modules/devUserAuthProvider'));

// Events carry catalog and signal updates between plugins.
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Permissions: Palette roles from `palette.governance.roles`, allow-all for
// the rest of the portal (see the README, "Roles and permissions").
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/palettePermissionPolicy'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

backend.add(import('@backstage/plugin-techdocs-backend'));

backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// The Palette suite: profiles, governance and Cluster API orchestration,
// and cluster profiles as catalog entities.
backend.add(import('@palette-backstage/plugin-palette-backend'));
backend.add(catalogModulePaletteProfiles);

backend.start();
