import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  approvalDecisionSchema,
  clusterRequestSchema,
  governancePolicySchema,
  listApprovalsQuerySchema,
  paletteClusterApprovePermission,
  paletteClusterReadPermission,
  palettePolicyManagePermission,
  teamQuotaSchema,
  TeamUsage,
} from '@palette-backstage/plugin-palette-common';
import express, { Request } from 'express';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { resolveRequest, ResolveContext } from '../clusters/resolveRequest';
import { approvalOf, toClusterDetails } from '../clusters/toApi';
import { ClusterRecord } from '../clusters/types';
import { effectivePolicy } from '../governance/effectivePolicy';
import { GovernanceService } from '../governance/GovernanceService';
import { audited } from './audited';
import { requireBasic } from './authorization';
import { parseInput } from './parseInput';
import { actorOf } from './profileRoutes';

/** The dependencies of the governance routes. */
export interface GovernanceRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  userInfo: UserInfoService;
  governance: GovernanceService;
  clusters: ClusterService;
  clusterStore: DatabaseClusterStore;
  resolveContext: ResolveContext;
}

/** A string query parameter, required. */
function required(req: Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || !value)
    throw new InputError(`${name} is required`);
  return value;
}

/** Policies, quotas, usage, evaluation and approvals. */
export function registerGovernanceRoutes(
  router: express.Router,
  options: GovernanceRouteOptions,
) {
  const { httpAuth, permissions, auditor, userInfo, governance } = options;
  const store = governance.store;

  /** A change to policies or quotas: who, and that they may. */
  async function manager(req: Request) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requireBasic(permissions, credentials, palettePolicyManagePermission);
    return actorOf(credentials);
  }

  const change = <T>(
    req: Request,
    action: string,
    target: string,
    fn: () => Promise<T>,
  ) => audited(auditor, req, 'governance-change', { action, target }, fn);

  router.get('/governance/policies', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: await store.listPolicies() });
  });

  router.get('/governance/policies/effective', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const policy = effectivePolicy(
      await store.listPolicies(),
      required(req, 'project'),
      required(req, 'environment'),
    );
    res.json(policy ? { policy } : {});
  });

  router.put('/governance/policies', async (req, res) => {
    const actor = await manager(req);
    const policy = parseInput(governancePolicySchema, req.body);
    const target = `policy:${policy.project}/${policy.environment}`;
    res.json(
      await change(req, 'policy.update', target, () =>
        store.savePolicy(policy, actor),
      ),
    );
  });

  router.delete('/governance/policies', async (req, res) => {
    const actor = await manager(req);
    const project = required(req, 'project');
    const environment = required(req, 'environment');
    await change(req, 'policy.delete', `policy:${project}/${environment}`, () =>
      store.deletePolicy(project, environment, actor),
    );
    res.status(204).end();
  });

  router.get('/governance/quotas', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: await store.listQuotas() });
  });

  router.put('/governance/quotas', async (req, res) => {
    const actor = await manager(req);
    const quota = parseInput(teamQuotaSchema, req.body);
    res.json(
      await change(req, 'quota.update', `quota:${quota.team}`, () =>
        store.saveQuota(quota, actor),
      ),
    );
  });

  router.delete('/governance/quotas', async (req, res) => {
    const actor = await manager(req);
    const team = required(req, 'team');
    await change(req, 'quota.delete', `quota:${team}`, () =>
      store.deleteQuota(team, actor),
    );
    res.status(204).end();
  });

  router.get('/governance/usage', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const team =
      typeof req.query.team === 'string'
        ? req.query.team.toLocaleLowerCase('en-US')
        : undefined;
    const [usage, quotas] = await Promise.all([
      store.usageByTeam(),
      store.listQuotas(),
    ]);
    const teams = new Set([
      ...usage.map(u => u.team),
      ...quotas.map(q => q.team),
    ]);
    const items: TeamUsage[] = [...teams]
      .filter(t => !team || t === team)
      .sort()
      .map(t => {
        const used = usage.find(u => u.team === t);
        const quota = quotas.find(q => q.team === t);
        return {
          team: t,
          clusters: used?.clusters ?? 0,
          nodes: used?.nodes ?? 0,
          vcpus: used?.vcpus ?? 0,
          monthlyCost: used?.monthlyCost ?? 0,
          ...(quota
            ? {
                quota: {
                  team: quota.team,
                  maxClusters: quota.maxClusters,
                  maxNodes: quota.maxNodes,
                  maxVcpus: quota.maxVcpus,
                  monthlyBudget: quota.monthlyBudget,
                },
              }
            : {}),
        };
      });
    res.json({ items });
  });

  router.post('/governance/evaluate', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const request = parseInput(clusterRequestSchema, req.body);
    const resolved = await resolveRequest(request, options.resolveContext);
    if (!resolved.provider)
      throw new InputError(
        `The request cannot be evaluated: ${resolved.messages
          .filter(m => m.severity === 'error')
          .map(m => `${m.field}: ${m.message}`)
          .join('; ')}`,
      );
    res.json(await governance.evaluate(request, resolved.provider));
  });

  async function ownershipOf(credentials: BackstageCredentials) {
    const info = await userInfo.getUserInfo(credentials);
    return info.ownershipEntityRefs;
  }

  router.get('/approvals', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const query = parseInput(listApprovalsQuerySchema, req.query, 'query');
    const records = await options.clusterStore.listApprovals(query);
    const ownership = (await ownershipOf(credentials)).map(r =>
      r.toLocaleLowerCase('en-US'),
    );
    const actor = actorOf(credentials);
    const isApprover = (r: ClusterRecord) =>
      ownership.includes(r.approval!.approverGroup.toLocaleLowerCase('en-US'));
    // Approvers see what they decide; others what they may read.
    const readable = records.length
      ? await permissions.authorize(
          records.map(r => ({
            permission: paletteClusterReadPermission,
            resourceRef: r.name,
          })),
          { credentials },
        )
      : [];
    const items = records
      .filter(
        (r, i) =>
          isApprover(r) || readable[i]?.result === AuthorizeResult.ALLOW,
      )
      .filter(r => !query.mine || (isApprover(r) && r.createdBy !== actor))
      .map(approvalOf);
    res.json({ items });
  });

  router.post('/clusters/:name/approval', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [
        {
          permission: paletteClusterApprovePermission,
          resourceRef: req.params.name,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(
        `You are not allowed to decide on cluster requests`,
      );
    const body = parseInput(approvalDecisionSchema, req.body);
    const record = await audited(
      auditor,
      req,
      'cluster-approval',
      {
        action: `cluster.approval.${body.decision}`,
        target: `cluster:${req.params.name}`,
      },
      async () =>
        options.clusters.decideApproval(req.params.name, body, {
          actor: actorOf(credentials),
          ownership: await ownershipOf(credentials),
        }),
    );
    res.json(toClusterDetails(record));
  });
}
