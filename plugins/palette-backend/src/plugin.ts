import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import Router from 'express-promise-router';
import {
  CloudType,
  ClusterRequest,
  CustomPackInput,
  paletteClusterApprovePermission,
  paletteClusterDeletePermission,
  paletteClusterKubeconfigPermission,
  paletteClusterReadPermission,
  paletteClusterUpdatePermission,
  paletteProfileDeletePermission,
  paletteProfilePublishPermission,
  paletteProfileReadPermission,
  paletteProfileUpdatePermission,
  palettePermissions,
} from '@palette-backstage/plugin-palette-common';
import {
  PALETTE_CLUSTERS_EVENT_TOPIC,
  PALETTE_PROFILES_EVENT_TOPIC,
} from './catalog/constants';
import { approvalExpiryTask } from './clusters/approvalExpiryTask';
import { ClusterService } from './clusters/ClusterService';
import { DatabaseClusterStore } from './clusters/DatabaseClusterStore';
import { readWorkloadKubeconfig } from './clusters/kubeconfig';
import {
  readApprovalExpiryMs,
  readCloudAccounts,
  readClusterSettings,
} from './clusters/settings';
import { DatabaseGovernanceStore } from './governance/DatabaseGovernanceStore';
import { GovernanceService } from './governance/GovernanceService';
import { toClusterSummary } from './clusters/toApi';
import { ClusterRecord } from './clusters/types';
import { Orchestrator } from './orchestration/Orchestrator';
import {
  paletteClusterPermissionRules,
  paletteClusterResourceRef,
} from './permissions/clusterPermissionRules';
import { DatabaseProfileStore } from './database';
import { HealthReporter } from './health/HealthReporter';
import { readManagementClusterConfig } from './management/managementClusterConfig';
import { ManagementClusters } from './management/ManagementClusters';
import { SimulatedExistingClusters } from './management/SimulatedExistingClusters';
import { PackRegistry } from './packs';
import {
  paletteProfilePermissionRules,
  paletteProfileResourceRef,
} from './permissions/profilePermissionRules';
import { createCost } from './fleet/cost';
import { createFleetCompliance } from './fleet/compliance';
import { COST_ACCRUALS_TABLE } from './fleet/cost/CostSnapshots';
import { demoComplianceHistory } from './seed/demoComplianceHistory';
import { demoHistoryIfEnabled } from './seed/demoHistory';
import { seedDemoFleet } from './seed/seedDemoFleet';
import { seedDemoGovernance } from './seed/seedDemoGovernance';
import { seedDemoProfiles } from './seed/seedDemoProfiles';
import { createImports } from './imports';
import { createRollouts } from './rollouts';
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
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpAuth,
        httpRouter,
        lifecycle,
        permissions,
        permissionsRegistry,
        auditor,
        scheduler,
        userInfo,
        auth,
        catalog,
        events,
      }) {
        const packs = PackRegistry.withBuiltinPacks();
        const store = await DatabaseProfileStore.create({
          database,
          packRegistry: packs,
        });
        // One client for every other store (the profile store has applied the migrations).
        const db = await database.getClient();
        // Stored custom packs were validated as CustomPackInput (helm or manifests) when added.
        for (const pack of await store.listCustomPacks()) {
          packs.addCustomPack(pack as CustomPackInput);
        }

        permissionsRegistry.addPermissions(palettePermissions);
        permissionsRegistry.addResourceType({
          resourceRef: paletteProfileResourceRef,
          permissions: [
            paletteProfileReadPermission,
            paletteProfileUpdatePermission,
            paletteProfilePublishPermission,
            paletteProfileDeletePermission,
          ],
          rules: Object.values(paletteProfilePermissionRules),
          getResources: names =>
            Promise.all(names.map(name => store.getProfile(name))),
        });

        const { clusters, stop } = await ManagementClusters.start(
          readManagementClusterConfig(config),
          logger,
        );
        lifecycle.addShutdownHook(stop);

        // Published after each change has committed, so the catalog reads it back.
        const onProfileChanged = (name: string) =>
          events.publish({
            topic: PALETTE_PROFILES_EVENT_TOPIC,
            eventPayload: { name },
          });

        const clusterSettings = readClusterSettings(config);
        const cloudAccounts = readCloudAccounts(config);
        const clusterStore = new DatabaseClusterStore({
          db,
          auditLog: store.auditLog,
        });
        permissionsRegistry.addResourceType({
          resourceRef: paletteClusterResourceRef,
          permissions: [
            paletteClusterReadPermission,
            paletteClusterUpdatePermission,
            paletteClusterDeletePermission,
            paletteClusterKubeconfigPermission,
            paletteClusterApprovePermission,
          ],
          rules: Object.values(paletteClusterPermissionRules),
          getResources: names =>
            Promise.all(
              names.map(async name => {
                const record = await clusterStore.get(name);
                return record ? toClusterSummary(record) : undefined;
              }),
            ),
        });
        // Published after each committed change, so the catalog reads it back.
        const onClusterChanged = (name: string) =>
          events.publish({
            topic: PALETTE_CLUSTERS_EVENT_TOPIC,
            eventPayload: { name },
          });
        const orchestrator = await Orchestrator.start({
          store: clusterStore,
          profiles: store,
          packs,
          accounts: cloudAccounts,
          managementClusters: clusters,
          settings: clusterSettings,
          logger,
          scheduler,
          onClusterChanged,
        });
        lifecycle.addShutdownHook(() => orchestrator.stop());
        // Never logged or stored: read on request only.
        const readKubeconfig = (record: ClusterRecord) =>
          readWorkloadKubeconfig(
            orchestrator.client(record.managementCluster),
            record,
          );
        const governanceStore = new DatabaseGovernanceStore({
          db,
          auditLog: store.auditLog,
        });
        const cost = createCost({
          db,
          clusterStore,
          governanceStore,
          config,
          logger,
        });
        const compliance = createFleetCompliance({
          config,
          logger,
          db,
          clusters: clusterStore,
          profiles: store,
          packs,
          governance: governanceStore,
          ownerExists: async ref =>
            Boolean(
              await catalog.getEntityByRef(ref, {
                credentials: await auth.getOwnServiceCredentials(),
              }),
            ),
        });
        const demoFleet = config.getOptionalBoolean('palette.demoData.fleet');
        const demoHistory = demoHistoryIfEnabled(config, {
          clusterStore,
          logger,
          recordCostSnapshot: at => cost.recordSnapshot(at),
          hasCostHistory: async () =>
            (await db(COST_ACCRUALS_TABLE).first()) !== undefined,
          complianceHistory: demoComplianceHistory({
            compliance: compliance.service,
            clusterStore,
            logger,
          }),
        });
        await scheduler.scheduleTask({
          ...cost.snapshotTask,
          scope: 'global',
          // Demo history is backfilled before the regular accrual starts.
          fn: async () => {
            if (demoHistory && !demoHistory.settled()) return;
            await cost.snapshotTask.fn();
          },
        });

        const estimateCost = (request: ClusterRequest, provider: string) =>
          cost.service.estimate(request, {
            provider: provider as Exclude<CloudType, 'all'>,
            region: request.region,
            cloudAccount: request.cloudAccount,
          });
        const governance = new GovernanceService(governanceStore, {
          approvalExpiryMs: readApprovalExpiryMs(config),
          // Budgets are checked with the cost model's prices.
          monthlyCost: (request, provider) =>
            estimateCost(request, provider).total.monthly.max,
        });
        const resolveContext = {
          profiles: store,
          packs,
          accounts: cloudAccounts,
          managementClusters: clusters,
          namespace: clusterSettings.namespace,
        };

        await scheduler.scheduleTask({
          ...compliance.evaluationTask,
          timeout: { minutes: 15 },
          scope: 'global',
          // Demo history is backfilled before the regular evaluation starts.
          fn: async () => {
            if (demoHistory && !demoHistory.settled()) return;
            await compliance.evaluationTask.fn();
          },
        });
        const scanCollection = compliance.scanCollectionTask({
          readKubeconfig,
          auditor,
        });
        if (scanCollection)
          await scheduler.scheduleTask({ ...scanCollection, scope: 'global' });
        // Mounted before the main router: scan reports may exceed its 1 MB body limit.
        const complianceRouter = Router();
        compliance.registerRoutes(complianceRouter, {
          httpAuth,
          permissions,
          auditor,
        });
        httpRouter.use(complianceRouter);

        const clusterServiceOptions = {
          ...resolveContext,
          governance,
          store: clusterStore,
          forceDeleteAfterMs: clusterSettings.forceDeleteAfterMs,
          estimateCost,
          onChanged: async (record: ClusterRecord) => {
            orchestrator.onRequested(record);
            await onClusterChanged(record.name);
          },
        };
        const clusterService = new ClusterService(clusterServiceOptions);

        const imports = createImports({
          config,
          logger,
          store: clusterStore,
          clusters: clusterService,
          profiles: store,
          packs,
          managementClusters: clusters,
          client: name => orchestrator.client(name),
          namespace: clusterSettings.namespace,
          onChanged: clusterServiceOptions.onChanged,
          onStatusChanged: record => onClusterChanged(record.name),
          onProfileChanged,
        });
        await scheduler.scheduleTask(imports.monitorTask);

        const rollouts = createRollouts({
          config,
          logger,
          db,
          auditLog: store.auditLog,
          clusterStore,
          clusters: clusterService,
          profiles: store,
        });
        await scheduler.scheduleTask(rollouts.task);
        lifecycle.addShutdownHook(() => rollouts.runner.idle());

        await scheduler.scheduleTask(
          approvalExpiryTask(clusterService, logger),
        );

        if (config.getOptionalBoolean('palette.demoData.seed')) {
          await seedDemoProfiles(store, packs, logger);
          await seedDemoGovernance(governance.store, logger);
        }
        if (demoFleet) {
          await seedDemoFleet({
            store: clusterStore,
            logger,
            serviceAt: clock =>
              new ClusterService({
                ...clusterServiceOptions,
                store: new DatabaseClusterStore({
                  db,
                  auditLog: store.auditLog,
                  clock,
                }),
                clock,
              }),
          });
          await scheduler.scheduleTask(demoHistory!.task);
        }

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            permissionsRegistry,
            auditor,
            health: new HealthReporter(db, clusters),
            store,
            packs,
            auditLog: store.auditLog,
            onProfileChanged,
            clustersUsingProfile: (name, version) =>
              clusterStore.clustersUsingProfile(name, version),
            clusters: clusterService,
            clusterStore,
            profileStore: store,
            cloudAccounts,
            userInfo,
            governance,
            resolveContext,
            cost,
            imports,
            rollouts,
            readKubeconfig,
            simulated: new SimulatedExistingClusters(clusters),
          }),
        );
      },
    });
  },
});
