import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { paletteApiRef } from './api/PaletteApi';
import { PaletteClient } from './api/PaletteClient';
import {
  approvalsRouteRef,
  auditRouteRef,
  clusterRouteRef,
  clustersRouteRef,
  complianceRouteRef,
  costRouteRef,
  governanceRouteRef,
  profileRouteRef,
  profilesRouteRef,
  rolloutRouteRef,
  rolloutsRouteRef,
  rootRouteRef,
} from './routes';
import { WorkerPool } from '@palette-backstage/plugin-palette-common';
import {
  CostEstimateUiOptions,
  costEstimateUiOptionsProperties,
  NodePoolEditorUiOptions,
  PaletteCostEstimate,
  PaletteNodePoolEditor,
  PaletteProfilePicker,
  ProfilePickerUiOptions,
  ProfilePickerValue,
  validatePaletteNodePools,
  validatePaletteProfilePick,
} from './components/scaffolder';

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
    approvals: approvalsRouteRef,
    governance: governanceRouteRef,
    audit: auditRouteRef,
    cost: costRouteRef,
    compliance: complianceRouteRef,
    rollouts: rolloutsRouteRef,
    rollout: rolloutRouteRef,
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

/**
 * A cluster entity's cost for its overview: run-rate, month to date and a
 * 30-day sparkline. Needs `palette.cluster.read` on the cluster.
 *
 * @public
 */
export const EntityPaletteClusterCostCard = palettePlugin.provide(
  createComponentExtension({
    name: 'EntityPaletteClusterCostCard',
    component: {
      lazy: () =>
        import('./components/fleet').then(m => m.EntityClusterCostCard),
    },
  }),
);

/**
 * A cluster entity's compliance for its overview: the score and each
 * failing rule with why and what to do.
 *
 * @public
 */
export const EntityPaletteClusterComplianceCard = palettePlugin.provide(
  createComponentExtension({
    name: 'EntityPaletteClusterComplianceCard',
    component: {
      lazy: () =>
        import('./components/fleet').then(m => m.EntityClusterComplianceCard),
    },
  }),
);

/**
 * The `PaletteProfilePicker` scaffolder field: a published infra or full
 * profile at a version that is not deprecated, `{ name, version }`, limited
 * to what the governance policy of the form's `project` and `environment`
 * allows. Register it inside `<ScaffolderFieldExtensions>` of the
 * scaffolder route and use it with `ui:field: PaletteProfilePicker`.
 *
 * @public
 */
export const PaletteProfilePickerFieldExtension = palettePlugin.provide(
  createScaffolderFieldExtension<ProfilePickerValue, ProfilePickerUiOptions>({
    name: 'PaletteProfilePicker',
    component: PaletteProfilePicker,
    validation: validatePaletteProfilePick,
    schema: {
      returnValue: {
        type: 'object',
        required: ['name', 'version'],
        properties: {
          name: { type: 'string', description: 'Profile name' },
          version: { type: 'string', description: 'Published version' },
        },
      },
      uiOptions: {
        type: 'object',
        properties: {
          projectField: {
            type: 'string',
            description:
              'The form field holding the project (default: project)',
          },
          environmentField: {
            type: 'string',
            description:
              'The form field holding the environment (default: environment)',
          },
          ...costEstimateUiOptionsProperties,
        },
      },
    },
  }),
);

/**
 * The `PaletteNodePoolEditor` scaffolder field: a cluster's worker pools
 * (palette-common `WorkerPool`s) with add and remove, node counts and
 * autoscaling bounds, validated as palette-backend validates them. Use it
 * with `ui:field: PaletteNodePoolEditor`.
 *
 * @public
 */
export const PaletteNodePoolEditorFieldExtension = palettePlugin.provide(
  createScaffolderFieldExtension<WorkerPool[], NodePoolEditorUiOptions>({
    name: 'PaletteNodePoolEditor',
    component: PaletteNodePoolEditor,
    validation: validatePaletteNodePools,
    schema: {
      returnValue: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: {
          type: 'object',
          required: ['name', 'instanceType', 'count'],
          properties: {
            name: { type: 'string' },
            instanceType: { type: 'string' },
            count: { type: 'integer', minimum: 0, maximum: 1000 },
            autoscaling: {
              type: 'object',
              required: ['min', 'max'],
              properties: {
                min: { type: 'integer', minimum: 0 },
                max: { type: 'integer', minimum: 1 },
              },
            },
          },
        },
      },
      uiOptions: {
        type: 'object',
        properties: {
          defaultInstanceType: {
            type: 'string',
            description: 'Instance type of the first pool of an empty form',
          },
        },
      },
    },
  }),
);

/**
 * The `PaletteCostEstimate` scaffolder field: read-only, for the last
 * parameters step. It shows what the request the form describes would cost
 * per month and per hour (a range when pools autoscale) with a breakdown,
 * and takes that estimate in one line as its value so that the review step
 * lists it. Use it with `ui:field: PaletteCostEstimate`; its `ui:options`
 * name the form fields it reads, or give what the template fixes.
 *
 * @public
 */
export const PaletteCostEstimateFieldExtension = palettePlugin.provide(
  createScaffolderFieldExtension<string, CostEstimateUiOptions>({
    name: 'PaletteCostEstimate',
    component: PaletteCostEstimate,
    schema: {
      returnValue: {
        type: 'string',
        description: 'The estimate in one line, for the review',
      },
      uiOptions: {
        type: 'object',
        properties: costEstimateUiOptionsProperties,
      },
    },
  }),
);
