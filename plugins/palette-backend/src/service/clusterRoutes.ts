import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsRegistryService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  addPoolRequestSchema,
  CloudAccount,
  CloudAccountSummary,
  clusterRequestSchema,
  deleteClusterQuerySchema,
  listClusterEventsQuerySchema,
  listClustersQuerySchema,
  paletteClusterCreatePermission,
  paletteClusterDeletePermission,
  paletteClusterKubeconfigPermission,
  paletteClusterReadPermission,
  paletteClusterUpdatePermission,
  palettePolicyManagePermission,
  updatePoolRequestSchema,
  upgradeClusterRequestSchema,
} from '@palette-backstage/plugin-palette-common';
import express, { Request } from 'express';
import { ClusterService, Requester } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { toClusterDetails, toClusterSummary } from '../clusters/toApi';
import { ClusterRecord } from '../clusters/types';
import { ProfileStore } from '../database';
import { paletteClusterResourceRef } from '../permissions/clusterPermissionRules';
import { audited } from './audited';
import { mayRead, requireBasic, requireOnResource } from './authorization';
import { parseInput } from './parseInput';
import { actorOf } from './profileRoutes';

/** The dependencies of the cluster routes. */
export interface ClusterRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  auditor: AuditorService;
  clusters: ClusterService;
  clusterStore: DatabaseClusterStore;
  profileStore: ProfileStore;
  cloudAccounts: CloudAccount[];
  userInfo: UserInfoService;
  /** The admin kubeconfig of a workload cluster, from its management cluster. */
  readKubeconfig(record: ClusterRecord): Promise<string | undefined>;
}

export const isTrue = (v: unknown) => v === 'true' || v === '1';

/**
 * Whose clusters the caller may request or import: governance admins any
 * team's, everyone else their own teams' (their ownership refs).
 */
export async function requesterOfCredentials(
  deps: Pick<ClusterRouteOptions, 'permissions' | 'userInfo'>,
  credentials: BackstageCredentials,
): Promise<Requester> {
  const [decision] = await deps.permissions.authorize(
    [{ permission: palettePolicyManagePermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return 'any';
  const info = await deps.userInfo.getUserInfo(credentials);
  return { teams: info.ownershipEntityRefs };
}

/** What finding the cluster in the path takes. */
type ClusterLookup = Pick<ClusterRouteOptions, 'httpAuth' | 'permissions'> & {
  clusterStore: Pick<DatabaseClusterStore, 'get'>;
};

/** The cluster in the path if the caller may read it; otherwise indistinguishable from a missing one. */
export async function readableCluster(
  deps: ClusterLookup,
  req: Request,
  credentials?: BackstageCredentials,
): Promise<ClusterRecord> {
  const creds = credentials ?? (await deps.httpAuth.credentials(req));
  const name = req.params.name;
  const record = await deps.clusterStore.get(name);
  if (
    record &&
    (await mayRead(deps.permissions, creds, paletteClusterReadPermission, name))
  )
    return record;
  throw new NotFoundError(`No cluster named "${name}"`);
}

/**
 * An action by a user on the cluster in the path: the cluster (404 when they
 * may not read it), once they are found to hold `permission` on it (403).
 */
export async function clusterActionRequest(
  deps: ClusterLookup,
  req: Request,
  permission: ResourcePermission,
): Promise<{ record: ClusterRecord; actor: string }> {
  const credentials = await deps.httpAuth.credentials(req, { allow: ['user'] });
  const record = await readableCluster(deps, req, credentials);
  await requireOnResource(
    deps.permissions,
    credentials,
    permission,
    record.name,
  );
  return { record, actor: actorOf(credentials) };
}

/** The cluster routes: fleet list, requests, day-2 changes, timeline, kubeconfig. */
export function registerClusterRoutes(
  router: express.Router,
  options: ClusterRouteOptions,
) {
  const {
    httpAuth,
    permissions,
    permissionsRegistry,
    auditor,
    clusters,
    clusterStore,
    profileStore,
  } = options;
  const toFilter = createConditionTransformer(
    permissionsRegistry.getPermissionRuleset(paletteClusterResourceRef),
  );

  /** The newest usable version per profile, for "update available". */
  async function latestVersions(names: string[]) {
    const latest = new Map<string, string | undefined>();
    for (const name of new Set(names)) {
      latest.set(name, (await profileStore.getProfile(name))?.latestVersion);
    }
    return latest;
  }

  async function details(record: ClusterRecord) {
    if (!record.profile) return toClusterDetails(record);
    const latest = await latestVersions([record.profile.name]);
    return toClusterDetails(record, latest.get(record.profile.name));
  }

  const requesterOf = (credentials: BackstageCredentials) =>
    requesterOfCredentials(options, credentials);
  const readable = (req: Request) => readableCluster(options, req);

  const changeRequest = (req: Request, permission: ResourcePermission) =>
    clusterActionRequest(options, req, permission);

  const change = <T>(req: Request, action: string, fn: () => Promise<T>) =>
    audited(
      auditor,
      req,
      'cluster-change',
      { action, target: `cluster:${req.params.name ?? req.body?.name}` },
      fn,
    );

  router.get('/cloud-accounts', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const items: CloudAccountSummary[] = options.cloudAccounts.map(a => ({
      name: a.name,
      ...(a.displayName ? { displayName: a.displayName } : {}),
      cloudType: a.cloudType,
      regions: a.regions,
    }));
    res.json({ items });
  });

  router.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = parseInput(listClustersQuerySchema, req.query, 'query');
    const [decision] = await permissions.authorizeConditional(
      [{ permission: paletteClusterReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY)
      throw new NotAllowedError('You are not allowed to read clusters');
    const filter =
      decision.result === AuthorizeResult.CONDITIONAL
        ? toFilter(decision.conditions)
        : undefined;
    const page = await clusterStore.list({ ...query, filter });
    const latest = await latestVersions(
      page.items.flatMap(c => (c.profile ? [c.profile.name] : [])),
    );
    res.json({
      items: page.items.map(c =>
        toClusterSummary(c, c.profile && latest.get(c.profile.name)),
      ),
      totalCount: page.totalCount,
      phaseCounts: page.phaseCounts,
    });
  });

  router.post('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requireBasic(
      permissions,
      credentials,
      paletteClusterCreatePermission,
    );
    const request = parseInput(clusterRequestSchema, req.body);
    const requester = await requesterOf(credentials);
    if (isTrue(req.query.dryRun)) {
      res.json(await clusters.dryRun(request, requester));
      return;
    }
    const record = await change(req, 'cluster.create', () =>
      clusters.create(request, actorOf(credentials), requester),
    );
    res.status(201).json(await details(record));
  });

  router.get('/clusters/:name', async (req, res) => {
    res.json(await details(await readable(req)));
  });

  router.get('/clusters/:name/events', async (req, res) => {
    const record = await readable(req);
    const { limit } = parseInput(
      listClusterEventsQuerySchema,
      req.query,
      'query',
    );
    res.json({ items: await clusterStore.listEvents(record.id, limit) });
  });

  router.post('/clusters/:name/upgrade', async (req, res) => {
    const { actor } = await changeRequest(req, paletteClusterUpdatePermission);
    const body = parseInput(upgradeClusterRequestSchema, req.body);
    if (isTrue(req.query.dryRun)) {
      res.json(await clusters.previewUpgrade(req.params.name, body));
      return;
    }
    const record = await change(req, 'cluster.upgrade', () =>
      clusters.upgrade(req.params.name, body, actor),
    );
    res.status(202).json(await details(record));
  });

  router.post('/clusters/:name/pools', async (req, res) => {
    const { actor } = await changeRequest(req, paletteClusterUpdatePermission);
    const pool = parseInput(addPoolRequestSchema, req.body);
    const record = await change(req, 'cluster.pool.add', () =>
      clusters.addPool(req.params.name, pool, actor),
    );
    res.status(202).json(await details(record));
  });

  router.put('/clusters/:name/pools/:pool', async (req, res) => {
    const { actor } = await changeRequest(req, paletteClusterUpdatePermission);
    const body = parseInput(updatePoolRequestSchema, req.body);
    const record = await change(req, 'cluster.pool.update', () =>
      clusters.updatePool(req.params.name, req.params.pool, body, actor),
    );
    res.status(202).json(await details(record));
  });

  router.delete('/clusters/:name/pools/:pool', async (req, res) => {
    const { actor } = await changeRequest(req, paletteClusterUpdatePermission);
    const record = await change(req, 'cluster.pool.remove', () =>
      clusters.removePool(req.params.name, req.params.pool, actor),
    );
    res.status(202).json(await details(record));
  });

  for (const [path, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    router.post(`/clusters/:name/${path}`, async (req, res) => {
      const { actor } = await changeRequest(
        req,
        paletteClusterUpdatePermission,
      );
      const record = await change(req, `cluster.${path}`, () =>
        clusters.setPaused(req.params.name, paused, actor),
      );
      res.status(202).json(await details(record));
    });
  }

  router.delete('/clusters/:name', async (req, res) => {
    const { actor } = await changeRequest(req, paletteClusterDeletePermission);
    const { force } = parseInput(deleteClusterQuerySchema, req.query, 'query');
    const record = await change(
      req,
      force ? 'cluster.delete.force' : 'cluster.delete',
      () => clusters.requestDeletion(req.params.name, force ?? false, actor),
    );
    res.status(202).json(await details(record));
  });

  router.get('/clusters/:name/kubeconfig', async (req, res) => {
    const { record } = await changeRequest(
      req,
      paletteClusterKubeconfigPermission,
    );
    if (record.imported)
      throw new NotAllowedError(
        `The kubeconfig of imported cluster "${record.name}" was uploaded once and is never shown again; use the one you imported it with`,
      );
    // Reading credentials is itself audited, at high severity.
    const kubeconfig = await audited(
      auditor,
      req,
      'cluster-kubeconfig-read',
      { action: 'cluster.kubeconfig', target: `cluster:${record.name}` },
      () => options.readKubeconfig(record),
      'high',
    );
    if (!kubeconfig)
      throw new NotFoundError(
        `Cluster "${record.name}" has no kubeconfig yet: it is published once the control plane is up`,
      );
    res
      .status(200)
      .type('application/yaml')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${record.name}.kubeconfig"`,
      )
      .setHeader('Cache-Control', 'no-store')
      .send(kubeconfig);
  });
}
