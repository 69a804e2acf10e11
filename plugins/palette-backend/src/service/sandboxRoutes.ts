import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { paletteClusterImportPermission } from '@palette-backstage/plugin-palette-common';
import express, { Request } from 'express';
import { SimulatedExistingClusters } from '../management/SimulatedExistingClusters';
import { audited } from './audited';
import { requireBasic } from './authorization';

/** The dependencies of the sandbox routes. */
export interface SandboxRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  simulated: SimulatedExistingClusters;
}

/**
 * Existing clusters the embedded simulator hosts, for trying import in the
 * demo portal: `GET /sandbox/existing-clusters` lists them (empty with real
 * management clusters), `GET /sandbox/existing-clusters/:managementCluster/:name/kubeconfig`
 * hands out one's kubeconfig, which reaches only that simulated cluster.
 * Both need palette.cluster.import, as importing does.
 */
export function registerSandboxRoutes(
  router: express.Router,
  options: SandboxRouteOptions,
) {
  const { httpAuth, permissions, auditor, simulated } = options;

  async function importer(req: Request) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requireBasic(
      permissions,
      credentials,
      paletteClusterImportPermission,
    );
  }

  router.get('/sandbox/existing-clusters', async (req, res) => {
    await importer(req);
    res.json({ items: await simulated.list() });
  });

  router.get(
    '/sandbox/existing-clusters/:managementCluster/:name/kubeconfig',
    async (req, res) => {
      await importer(req);
      const { managementCluster, name } = req.params;
      const kubeconfig = await audited(
        auditor,
        req,
        'palette-sandbox-kubeconfig',
        { managementCluster, cluster: name },
        () => simulated.kubeconfig(managementCluster, name),
        'medium',
      );
      res.type('text/yaml').send(kubeconfig);
    },
  );
}
