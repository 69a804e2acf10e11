import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { paletteApiRef } from './api/PaletteApi';
import { PaletteClient } from './api/PaletteClient';
import {
  clusterRouteRef,
  clustersRouteRef,
  profileRouteRef,
  profilesRouteRef,
  rootRouteRef,
} from './routes';

/** The Palette frontend plugin. @public */
export const palettePlugin = createPlugin({
  id: 'palette',
  apis: [
    createApiFactory({
      api: paletteApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PaletteClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    profiles: profilesRouteRef,
    profile: profileRouteRef,
    clusters: clustersRouteRef,
    cluster: clusterRouteRef,
  },
});

/**
 * The Palette page: platform status, the fleet of clusters under `clusters`
 * and `clusters/:name`, and cluster profiles under `profiles` and
 * `profiles/:name`.
 *
 * @public
 */
export const PalettePage = palettePlugin.provide(
  createRoutableExtension({
    name: 'PalettePage',
    component: () =>
      import('./components/PalettePage').then(m => m.PalettePage),
    mountPoint: rootRouteRef,
  }),
);

/** The Palette tab of cluster and profile entities. @public */
export const EntityPaletteContent = palettePlugin.provide(
  createComponentExtension({
    name: 'EntityPaletteContent',
    component: {
      lazy: () =>
        import('./components/EntityPaletteContent').then(
          m => m.EntityPaletteContent,
        ),
    },
  }),
);

/**
 * The Palette tab of cluster profile entities (`spec.type: cluster-profile`):
 * the layers, versions and variables of the profile named like the entity.
 *
 * @public
 */
export const EntityPaletteProfileContent = palettePlugin.provide(
  createComponentExtension({
    name: 'EntityPaletteProfileContent',
    component: {
      lazy: () =>
        import('./components/EntityProfileContent').then(
          m => m.EntityProfileContent,
        ),
    },
  }),
);

/**
 * The Cluster tab of cluster entities (`kind: Resource`, `spec.type:
 * kubernetes-cluster`): live lifecycle, conditions, node pools, profile,
 * drift and events, with the actions the user may take (upgrade, scale,
 * pools, pause, delete, kubeconfig). The cluster is the entity's
 * `palette.io/cluster` annotation, else its name.
 *
 * @public
 */
export const EntityPaletteClusterContent = palettePlugin.provide(
  createComponentExtension({
    name: 'EntityPaletteClusterContent',
    component: {
      lazy: () =>
        import('./components/clusters').then(m => m.EntityClusterContent),
    },
  }),
);

/**
 * A small card with a cluster entity's lifecycle, for its overview.
 *
 * @public
 */
export const EntityPaletteClusterCard = palettePlugin.provide(
  createComponentExtension({
    name: 'EntityPaletteClusterCard',
    component: {
      lazy: () =>
        import('./components/clusters').then(m => m.EntityClusterCard),
    },
  }),
);
