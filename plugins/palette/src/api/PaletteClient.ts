import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ApprovalDecision,
  AuditEvent,
  auditEventSchema,
  BulkClusterActionRequest,
  BulkClusterActionResponse,
  CloudAccountSummary,
  BudgetStatus,
  ClusterApproval,
  ClusterCompliance,
  ClusterCost,
  ClusterDetails,
  ClusterDryRunResponse,
  ClusterEvent,
  ClusterInventory,
  ClusterMaintenanceWindowResponse,
  ClusterRequestInput,
  ClusterRuleFinding,
  ClusterUpgradePreview,
  ComplianceRuleId,
  ComplianceSummary,
  CostBreakdown,
  CostEstimate,
  CostTrend,
  CreateProfileRequest,
  CreateRolloutRequest,
  FleetCostSummary,
  EffectivePolicyResponse,
  GeneratedProfileResult,
  GovernanceDecision,
  GovernancePolicyInput,
  ListClustersResponse,
  HealthReport,
  healthReportSchema,
  ImportClusterRequestInput,
  ImportDryRunResponse,
  ListProfilesQuery,
  ListProfilesResponse,
  ListRolloutsResponse,
  MaintenanceWindow,
  Pack,
  packSchema,
  ProfileDetails,
  profileDetailsSchema,
  ProfileDiff,
  profileDiffSchema,
  profileSummarySchema,
  ProfileUsage,
  ProfileVersion,
  profileVersionSchema,
  PublishRequest,
  Rollout,
  RuleStatus,
  SaveDraftRequest,
  ScanKind,
  ScanResult,
  ScoreGroup,
  StoredGovernancePolicy,
  StoredTeamQuota,
  TeamQuota,
  TeamUsage,
  UpdatePoolRequest,
  UpgradeClusterRequest,
  ValidationMessage,
  validationMessageSchema,
  WorkerPool,
} from '@palette-backstage/plugin-palette-common';
import {
  ComplianceScoreDimension,
  CostBreakdownFilter,
  CostExportFilter,
  CostTrendFilter,
  DownloadedFile,
  FleetDateRange,
  KubeconfigFile,
  ListApprovalsFilter,
  ListAuditFilter,
  ListClustersFilter,
  ListPacksFilter,
  ListRolloutsFilter,
  SimulatedExistingCluster,
  PaletteApi,
  SaveDraftResponse,
} from './PaletteApi';

const packListSchema = packSchema.array();
const profileSummaryListSchema = profileSummarySchema.array();
const validationMessageListSchema = validationMessageSchema.array();
const auditEventListSchema = auditEventSchema.array();

/** The `items` of a list reply; none when the body has no list. */
const itemsOf = <T>(body: any): T[] =>
  Array.isArray(body?.items) ? body.items : [];

type QueryValue = string | number | boolean | string[] | undefined | null;

/** Set values only; lists as comma-separated values. */
function queryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? raw.filter(Boolean).join(',') : raw;
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const segment = encodeURIComponent;

/** A maintenance-window reply with its windows `null` when left out. */
const maintenanceWindowOf = (body: any): ClusterMaintenanceWindowResponse => ({
  ...body,
  window: body?.window ?? null,
  environmentWindow: body?.environmentWindow ?? null,
  // Without any window a cluster may be started at any time.
  open: body?.open ?? true,
});

/** An inventory whose lists are lists, whatever a partial reply left out. */
const inventoryOf = (body: any): ClusterInventory => ({
  ...body,
  nodes: Array.isArray(body?.nodes) ? body.nodes : [],
  csi: Array.isArray(body?.csi) ? body.csi : [],
  helmReleases: Array.isArray(body?.helmReleases) ? body.helmReleases : [],
  namespaces: Array.isArray(body?.namespaces) ? body.namespaces : [],
});

/** The file name of a `Content-Disposition: attachment; filename=...` header. */
export function attachmentFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  let name: string | undefined;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (encoded) {
    try {
      name = decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall back to the plain parameter
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
    name = (plain?.[1] ?? plain?.[2])?.trim();
  }
  // Never let a server-chosen name climb out of the downloads folder.
  return name ? name.replace(/[\\/]/g, '_') : undefined;
}

/**
 * Calls palette-backend with the signed-in user's token (through FetchApi).
 *
 * @public
 */
export class PaletteClient implements PaletteApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getHealth(): Promise<HealthReport> {
    const response = await this.get('/health');
    // 503 still carries the report: it says which check failed.
    if (!response.ok && response.status !== 503)
      throw await ResponseError.fromResponse(response);
    return healthReportSchema.parse(await response.json());
  }

  async listPacks(filter: ListPacksFilter = {}): Promise<{ items: Pack[] }> {
    const body = await this.json(
      `/packs${queryString({
        layer: filter.layer,
        cloudType: filter.cloudType,
        name: filter.name,
      })}`,
    );
    return { items: packListSchema.parse(body.items) };
  }

  async listProfiles(
    query: Partial<ListProfilesQuery>,
  ): Promise<ListProfilesResponse> {
    const body = await this.json(`/profiles${queryString(query)}`);
    const items = profileSummaryListSchema.parse(body.items);
    const totalCount =
      typeof body.totalCount === 'number' ? body.totalCount : items.length;
    return { items, totalCount };
  }

  async getProfile(name: string): Promise<ProfileDetails> {
    return profileDetailsSchema.parse(
      await this.json(`/profiles/${segment(name)}`),
    );
  }

  async createProfile(request: CreateProfileRequest): Promise<ProfileDetails> {
    return profileDetailsSchema.parse(
      await this.json('/profiles', { method: 'POST', json: request }),
    );
  }

  async saveDraft(
    name: string,
    request: SaveDraftRequest,
  ): Promise<SaveDraftResponse> {
    const body = await this.json(`/profiles/${segment(name)}/draft`, {
      method: 'PUT',
      json: request,
    });
    return {
      profile: profileDetailsSchema.parse(body.profile),
      messages: validationMessageListSchema.parse(body.messages ?? []),
    };
  }

  async validateDraft(
    name: string,
  ): Promise<{ messages: ValidationMessage[] }> {
    const body = await this.json(`/profiles/${segment(name)}/validate`, {
      method: 'POST',
    });
    return { messages: validationMessageListSchema.parse(body.messages ?? []) };
  }

  async publish(
    name: string,
    request: PublishRequest,
  ): Promise<ProfileDetails> {
    return profileDetailsSchema.parse(
      await this.json(`/profiles/${segment(name)}/publish`, {
        method: 'POST',
        json: request,
      }),
    );
  }

  async setDeprecated(
    name: string,
    version: string,
    deprecated: boolean,
  ): Promise<ProfileDetails> {
    return profileDetailsSchema.parse(
      await this.json(
        `/profiles/${segment(name)}/versions/${segment(version)}/deprecate`,
        { method: 'POST', json: { deprecated } },
      ),
    );
  }

  async deleteVersion(name: string, version: string): Promise<void> {
    await this.request(
      `/profiles/${segment(name)}/versions/${segment(version)}`,
      { method: 'DELETE' },
    );
  }

  async deleteProfile(name: string): Promise<void> {
    await this.request(`/profiles/${segment(name)}`, { method: 'DELETE' });
  }

  async getProfileVersion(
    name: string,
    version: string,
  ): Promise<ProfileVersion> {
    return profileVersionSchema.parse(
      await this.json(
        `/profiles/${segment(name)}/versions/${segment(version)}`,
      ),
    );
  }

  async diffProfile(
    name: string,
    from: string,
    to: string,
  ): Promise<ProfileDiff> {
    return profileDiffSchema.parse(
      await this.json(
        `/profiles/${segment(name)}/diff${queryString({ from, to })}`,
      ),
    );
  }

  async exportProfileVersion(name: string, version: string): Promise<string> {
    const response = await this.request(
      `/profiles/${segment(name)}/versions/${segment(version)}/export`,
    );
    return response.text();
  }

  async importProfile(
    yaml: string,
    options: { owner?: string } = {},
  ): Promise<ProfileDetails> {
    const response = await this.request(
      `/profiles/import${queryString({ owner: options.owner })}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml' },
        body: yaml,
      },
    );
    return profileDetailsSchema.parse(await response.json());
  }

  async listClusters(
    filter: ListClustersFilter = {},
  ): Promise<ListClustersResponse> {
    const { includeDeleted, ...rest } = filter;
    const body = await this.json(
      `/clusters${queryString({
        ...rest,
        includeDeleted: includeDeleted ? 'true' : undefined,
      })}`,
    );
    const items = Array.isArray(body.items) ? body.items : [];
    return {
      items,
      totalCount:
        typeof body.totalCount === 'number' ? body.totalCount : items.length,
      phaseCounts: body.phaseCounts ?? {},
    };
  }

  async getCluster(name: string): Promise<ClusterDetails> {
    return this.json(`/clusters/${segment(name)}`);
  }

  async createCluster(request: ClusterRequestInput): Promise<ClusterDetails> {
    return this.json('/clusters', { method: 'POST', json: request });
  }

  async dryRunCluster(
    request: ClusterRequestInput,
  ): Promise<ClusterDryRunResponse> {
    const body = await this.json('/clusters?dryRun=true', {
      method: 'POST',
      json: request,
    });
    return {
      valid: body.valid === true,
      messages: validationMessageListSchema.parse(body.messages ?? []),
      manifests: Array.isArray(body.manifests) ? body.manifests : [],
      ...(body.governance ? { governance: body.governance } : {}),
    };
  }

  async previewClusterUpgrade(
    name: string,
    request: UpgradeClusterRequest,
  ): Promise<ClusterUpgradePreview> {
    return this.json(`/clusters/${segment(name)}/upgrade?dryRun=true`, {
      method: 'POST',
      json: request,
    });
  }

  async upgradeCluster(
    name: string,
    request: UpgradeClusterRequest,
  ): Promise<ClusterDetails> {
    return this.json(`/clusters/${segment(name)}/upgrade`, {
      method: 'POST',
      json: request,
    });
  }

  async updateClusterPool(
    name: string,
    pool: string,
    request: UpdatePoolRequest,
  ): Promise<ClusterDetails> {
    return this.json(`/clusters/${segment(name)}/pools/${segment(pool)}`, {
      method: 'PUT',
      json: request,
    });
  }

  async addClusterPool(
    name: string,
    pool: WorkerPool,
  ): Promise<ClusterDetails> {
    return this.json(`/clusters/${segment(name)}/pools`, {
      method: 'POST',
      json: pool,
    });
  }

  async removeClusterPool(name: string, pool: string): Promise<ClusterDetails> {
    return this.json(`/clusters/${segment(name)}/pools/${segment(pool)}`, {
      method: 'DELETE',
    });
  }

  async pauseCluster(name: string): Promise<ClusterDetails> {
    return this.json(`/clusters/${segment(name)}/pause`, { method: 'POST' });
  }

  async resumeCluster(name: string): Promise<ClusterDetails> {
    return this.json(`/clusters/${segment(name)}/resume`, { method: 'POST' });
  }

  async deleteCluster(
    name: string,
    options: { force?: boolean } = {},
  ): Promise<ClusterDetails> {
    return this.json(
      `/clusters/${segment(name)}${queryString({
        force: options.force ? 'true' : undefined,
      })}`,
      { method: 'DELETE' },
    );
  }

  async listClusterEvents(
    name: string,
    options: { limit?: number } = {},
  ): Promise<{ items: ClusterEvent[] }> {
    const body = await this.json(
      `/clusters/${segment(name)}/events${queryString({
        limit: options.limit,
      })}`,
    );
    return { items: Array.isArray(body.items) ? body.items : [] };
  }

  async getClusterKubeconfig(name: string): Promise<KubeconfigFile> {
    return this.download(
      `/clusters/${segment(name)}/kubeconfig`,
      `${name}.kubeconfig`,
    );
  }

  async listCloudAccounts(): Promise<{ items: CloudAccountSummary[] }> {
    const body = await this.json('/cloud-accounts');
    return { items: Array.isArray(body.items) ? body.items : [] };
  }

  async listPolicies(): Promise<{ items: StoredGovernancePolicy[] }> {
    return { items: itemsOf(await this.json('/governance/policies')) };
  }

  async getEffectivePolicy(
    project: string,
    environment: string,
  ): Promise<EffectivePolicyResponse> {
    const body = await this.json(
      `/governance/policies/effective${queryString({ project, environment })}`,
    );
    return body?.policy ? { policy: body.policy } : {};
  }

  async savePolicy(
    policy: GovernancePolicyInput,
  ): Promise<StoredGovernancePolicy> {
    return this.json('/governance/policies', { method: 'PUT', json: policy });
  }

  async deletePolicy(project: string, environment: string): Promise<void> {
    await this.request(
      `/governance/policies${queryString({ project, environment })}`,
      { method: 'DELETE' },
    );
  }

  async listQuotas(): Promise<{ items: StoredTeamQuota[] }> {
    return { items: itemsOf(await this.json('/governance/quotas')) };
  }

  async saveQuota(quota: TeamQuota): Promise<StoredTeamQuota> {
    return this.json('/governance/quotas', { method: 'PUT', json: quota });
  }

  async deleteQuota(team: string): Promise<void> {
    await this.request(`/governance/quotas${queryString({ team })}`, {
      method: 'DELETE',
    });
  }

  async listUsage(team?: string): Promise<{ items: TeamUsage[] }> {
    return {
      items: itemsOf(
        await this.json(`/governance/usage${queryString({ team })}`),
      ),
    };
  }

  async evaluateRequest(
    request: ClusterRequestInput,
  ): Promise<GovernanceDecision> {
    return this.json('/governance/evaluate', { method: 'POST', json: request });
  }

  async listApprovals(
    filter: ListApprovalsFilter = {},
  ): Promise<{ items: ClusterApproval[] }> {
    const body = await this.json(
      `/approvals${queryString({
        state: filter.state,
        mine: filter.mine === undefined ? undefined : String(filter.mine),
        limit: filter.limit,
      })}`,
    );
    return { items: itemsOf(body) };
  }

  async decideApproval(
    name: string,
    decision: ApprovalDecision,
  ): Promise<ClusterDetails> {
    return this.json(`/clusters/${segment(name)}/approval`, {
      method: 'POST',
      json: decision,
    });
  }

  async listAudit(
    filter: ListAuditFilter = {},
  ): Promise<{ items: AuditEvent[] }> {
    const body = await this.json(
      `/audit${queryString({
        actor: filter.actor,
        target: filter.target,
        action: filter.action,
        from: filter.from,
        to: filter.to,
        limit: filter.limit,
      })}`,
    );
    return { items: auditEventListSchema.parse(itemsOf(body)) };
  }

  async estimateCost(request: ClusterRequestInput): Promise<CostEstimate> {
    return this.json('/cost/estimate', { method: 'POST', json: request });
  }

  async getFleetCostSummary(
    range: FleetDateRange = {},
  ): Promise<FleetCostSummary> {
    return this.json(
      `/fleet/cost/summary${queryString({ from: range.from, to: range.to })}`,
    );
  }

  async getFleetCostBreakdown(
    filter: CostBreakdownFilter = {},
  ): Promise<CostBreakdown> {
    const body = await this.json(
      `/fleet/cost/breakdown${queryString({
        by: filter.by,
        from: filter.from,
        to: filter.to,
        limit: filter.limit,
      })}`,
    );
    return { ...body, items: itemsOf(body) };
  }

  async getFleetCostTrend(filter: CostTrendFilter = {}): Promise<CostTrend> {
    const body = await this.json(
      `/fleet/cost/trend${queryString({
        granularity: filter.granularity,
        from: filter.from,
        to: filter.to,
        groupBy: filter.groupBy,
      })}`,
    );
    return { ...body, points: Array.isArray(body?.points) ? body.points : [] };
  }

  async listBudgets(month?: string): Promise<{ items: BudgetStatus[] }> {
    return {
      items: itemsOf(
        await this.json(`/fleet/cost/budgets${queryString({ month })}`),
      ),
    };
  }

  async exportFleetCost(
    filter: CostExportFilter = {},
  ): Promise<DownloadedFile> {
    return this.download(
      `/fleet/cost/export.csv${queryString({
        by: filter.by,
        from: filter.from,
        to: filter.to,
      })}`,
      `fleet-cost-${filter.by ?? 'team'}.csv`,
    );
  }

  async getClusterCost(name: string): Promise<ClusterCost> {
    const body = await this.json(`/clusters/${segment(name)}/cost`);
    return { ...body, daily: Array.isArray(body?.daily) ? body.daily : [] };
  }

  async getComplianceSummary(): Promise<ComplianceSummary> {
    return this.json('/fleet/compliance/summary');
  }

  async listComplianceRules(): Promise<{ items: RuleStatus[] }> {
    return { items: itemsOf(await this.json('/fleet/compliance/rules')) };
  }

  async listRuleClusters(
    rule: ComplianceRuleId,
    page: { limit?: number; offset?: number } = {},
  ): Promise<{ items: ClusterRuleFinding[]; totalCount: number }> {
    const body = await this.json(
      `/fleet/compliance/rules/${segment(rule)}/clusters${queryString({
        limit: page.limit,
        offset: page.offset,
      })}`,
    );
    const items = itemsOf<ClusterRuleFinding>(body);
    return {
      items,
      totalCount:
        typeof body?.totalCount === 'number' ? body.totalCount : items.length,
    };
  }

  async listComplianceScores(
    by: ComplianceScoreDimension,
  ): Promise<{ items: ScoreGroup[] }> {
    return {
      items: itemsOf(
        await this.json(`/fleet/compliance/scores${queryString({ by })}`),
      ),
    };
  }

  async getComplianceTrend(
    range: FleetDateRange = {},
  ): Promise<{ points: Array<{ day: string; score: number }> }> {
    const body = await this.json(
      `/fleet/compliance/trend${queryString({
        from: range.from,
        to: range.to,
      })}`,
    );
    return { points: Array.isArray(body?.points) ? body.points : [] };
  }

  async exportCompliance(): Promise<DownloadedFile> {
    return this.download(
      '/fleet/compliance/export.csv',
      'fleet-compliance.csv',
    );
  }

  async getClusterCompliance(name: string): Promise<ClusterCompliance> {
    const body = await this.json(`/clusters/${segment(name)}/compliance`);
    return {
      ...body,
      findings: Array.isArray(body?.findings) ? body.findings : [],
      scans: Array.isArray(body?.scans) ? body.scans : [],
    };
  }

  async uploadScan(
    name: string,
    kind: ScanKind,
    report: unknown,
  ): Promise<ScanResult> {
    return this.json(`/clusters/${segment(name)}/scans/${segment(kind)}`, {
      method: 'POST',
      json: report,
    });
  }

  async importCluster(
    request: ImportClusterRequestInput,
  ): Promise<ClusterDetails> {
    return this.json('/clusters/import', { method: 'POST', json: request });
  }

  async testClusterImport(
    request: ImportClusterRequestInput,
  ): Promise<ImportDryRunResponse> {
    const body = await this.json('/clusters/import?dryRun=true', {
      method: 'POST',
      json: request,
    });
    return {
      ...body,
      messages: Array.isArray(body?.messages) ? body.messages : [],
      ...(body?.inventory ? { inventory: inventoryOf(body.inventory) } : {}),
    };
  }

  async getClusterInventory(name: string): Promise<ClusterInventory> {
    return inventoryOf(await this.json(`/clusters/${segment(name)}/inventory`));
  }

  async discoverCluster(name: string): Promise<ClusterInventory> {
    return inventoryOf(
      await this.json(`/clusters/${segment(name)}/discover`, {
        method: 'POST',
      }),
    );
  }

  async generateProfileFromCluster(
    name: string,
    profileName?: string,
  ): Promise<GeneratedProfileResult> {
    const body = await this.json(`/clusters/${segment(name)}/profile`, {
      method: 'POST',
      json: profileName ? { name: profileName } : {},
    });
    return { ...body, layers: Array.isArray(body?.layers) ? body.layers : [] };
  }

  async listSimulatedExistingClusters(): Promise<SimulatedExistingCluster[]> {
    const body = await this.json('/sandbox/existing-clusters');
    return Array.isArray(body?.items) ? body.items : [];
  }

  async getSimulatedExistingClusterKubeconfig(
    cluster: SimulatedExistingCluster,
  ): Promise<string> {
    const response = await this.request(
      `/sandbox/existing-clusters/${segment(
        cluster.managementCluster,
      )}/${segment(cluster.name)}/kubeconfig`,
    );
    return response.text();
  }

  async listRollouts(
    filter: ListRolloutsFilter = {},
  ): Promise<ListRolloutsResponse> {
    const body = await this.json(
      `/rollouts${queryString({
        status: filter.status,
        profile: filter.profile,
        limit: filter.limit,
        offset: filter.offset,
      })}`,
    );
    const items = itemsOf<ListRolloutsResponse['items'][number]>(body);
    return {
      items,
      totalCount:
        typeof body?.totalCount === 'number' ? body.totalCount : items.length,
    };
  }

  async getRollout(id: string): Promise<Rollout> {
    return this.json(`/rollouts/${segment(id)}`);
  }

  async createRollout(request: CreateRolloutRequest): Promise<Rollout> {
    return this.json('/rollouts', { method: 'POST', json: request });
  }

  async planRollout(request: CreateRolloutRequest): Promise<Rollout> {
    return this.createRollout({ ...request, dryRun: true });
  }

  async pauseRollout(id: string): Promise<Rollout> {
    return this.json(`/rollouts/${segment(id)}/pause`, { method: 'POST' });
  }

  async resumeRollout(id: string): Promise<Rollout> {
    return this.json(`/rollouts/${segment(id)}/resume`, { method: 'POST' });
  }

  async cancelRollout(id: string): Promise<Rollout> {
    return this.json(`/rollouts/${segment(id)}/cancel`, { method: 'POST' });
  }

  async rollbackRollout(id: string, scope: 'failed' | 'all'): Promise<Rollout> {
    return this.json(`/rollouts/${segment(id)}/rollback`, {
      method: 'POST',
      json: { scope },
    });
  }

  async getProfileUsage(name: string): Promise<ProfileUsage> {
    const body = await this.json(`/profiles/${segment(name)}/usage`);
    return {
      ...body,
      versions: Array.isArray(body?.versions) ? body.versions : [],
    };
  }

  async getClusterMaintenanceWindow(
    name: string,
  ): Promise<ClusterMaintenanceWindowResponse> {
    return maintenanceWindowOf(
      await this.json(`/clusters/${segment(name)}/maintenance-window`),
    );
  }

  async setClusterMaintenanceWindow(
    name: string,
    window: MaintenanceWindow | null,
  ): Promise<ClusterMaintenanceWindowResponse> {
    return maintenanceWindowOf(
      await this.json(`/clusters/${segment(name)}/maintenance-window`, {
        method: 'PUT',
        json: { window },
      }),
    );
  }

  async bulkClusterAction(
    request: BulkClusterActionRequest,
  ): Promise<BulkClusterActionResponse> {
    const body = await this.json('/clusters/bulk', {
      method: 'POST',
      json: request,
    });
    return { results: Array.isArray(body?.results) ? body.results : [] };
  }

  /** A file as text, with the name the server gives it (else `fallback`). */
  private async download(
    path: string,
    fallback: string,
  ): Promise<DownloadedFile> {
    const response = await this.request(path);
    return {
      filename:
        attachmentFilename(response.headers.get('Content-Disposition')) ??
        fallback,
      content: await response.text(),
    };
  }

  private async get(path: string): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('palette');
    return this.options.fetchApi.fetch(`${baseUrl}${path}`);
  }

  /** Sends a request and throws a ResponseError for non-OK replies. */
  private async request(
    path: string,
    init: RequestInit & { json?: unknown } = {},
  ): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('palette');
    const { json, ...rest } = init;
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      json === undefined
        ? rest
        : {
            ...rest,
            headers: { 'Content-Type': 'application/json', ...rest.headers },
            body: JSON.stringify(json),
          },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async json(
    path: string,
    init?: RequestInit & { json?: unknown },
  ): Promise<any> {
    const response = await this.request(path, init);
    return response.json();
  }
}
