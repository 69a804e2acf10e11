import { createApiRef } from '@backstage/core-plugin-api';
import {
  ApprovalDecision,
  ApprovalState,
  AuditEvent,
  BulkClusterActionRequest,
  BulkClusterActionResponse,
  CloudAccountSummary,
  ClusterApproval,
  ClusterCompliance,
  ClusterCost,
  ClusterDetails,
  ClusterDryRunResponse,
  ClusterEvent,
  ClusterInventory,
  ClusterMaintenanceWindowResponse,
  ClusterPhase,
  ClusterRequestInput,
  ClusterRuleFinding,
  clusterSortSchema,
  ClusterUpgradePreview,
  CloudType,
  BudgetStatus,
  ComplianceRuleId,
  ComplianceSummary,
  CostBreakdown,
  CostDimension,
  CostEstimate,
  CostTrend,
  CreateProfileRequest,
  CreateRolloutRequest,
  FleetCostSummary,
  EffectivePolicyResponse,
  GeneratedProfileResult,
  GovernanceDecision,
  GovernancePolicyInput,
  ListAuditQuery,
  ListClustersResponse,
  HealthReport,
  ImportClusterRequestInput,
  ImportDryRunResponse,
  ListProfilesQuery,
  ListProfilesResponse,
  ListRolloutsResponse,
  MaintenanceWindow,
  Pack,
  PackLayer,
  ProfileDetails,
  ProfileDiff,
  ProfileUsage,
  ProfileVersion,
  PublishRequest,
  Rollout,
  RolloutStatus,
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
  WorkerPool,
} from '@palette-backstage/plugin-palette-common';

/**
 * Which packs `listPacks` returns: all of them when empty.
 *
 * @public
 */
/** An existing cluster the embedded simulator hosts, to try import with. */
export interface SimulatedExistingCluster {
  managementCluster: string;
  name: string;
  /** `healthy`, `degraded` or `unreachable`. */
  health: string;
}

export interface ListPacksFilter {
  /** Only packs of this layer. */
  layer?: PackLayer;
  /** Only packs that support this cloud type (or `all`). */
  cloudType?: CloudType;
  /** Only the versions of this pack. */
  name?: string;
}

/**
 * The reply of `saveDraft`: the saved profile and what validation found.
 *
 * @public
 */
export interface SaveDraftResponse {
  profile: ProfileDetails;
  messages: ValidationMessage[];
}

/** The keys `listClusters` sorts by. @public */
export type ClusterSortKey = (typeof clusterSortSchema.options)[number];

/**
 * Which clusters `listClusters` returns, in which order, and which page.
 * Filters with several values match any of them; unset or empty filters
 * match everything.
 *
 * @public
 */
export interface ListClustersFilter {
  phase?: ClusterPhase[];
  provider?: Exclude<CloudType, 'all'>[];
  /** Owning groups, e.g. `group:default/team-apollo`. */
  owner?: string[];
  /** Systems, e.g. `system:default/payments`. */
  project?: string[];
  environment?: string[];
  profile?: string;
  profileVersion?: string;
  managementCluster?: string;
  /** Case-insensitive substring of the name. */
  search?: string;
  includeDeleted?: boolean;
  sort?: ClusterSortKey;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** A downloaded file: the file name the server suggests, and its text. @public */
export interface DownloadedFile {
  filename: string;
  content: string;
}

/** A downloaded kubeconfig. @public */
export type KubeconfigFile = DownloadedFile;

/**
 * A range of days for fleet cost and compliance: ISO dates, `to` exclusive.
 * palette-backend defaults to this month.
 *
 * @public
 */
export interface FleetDateRange {
  from?: string;
  to?: string;
}

/** Which roll-up `getFleetCostBreakdown` returns. @public */
export interface CostBreakdownFilter extends FleetDateRange {
  /** The dimension to group by (the server's default: `team`). */
  by?: CostDimension;
  /** At most this many groups, costliest first (the server's default: 100). */
  limit?: number;
}

/** Which points `getFleetCostTrend` returns. @public */
export interface CostTrendFilter extends FleetDateRange {
  granularity?: 'day' | 'month';
  /** Split each point by a dimension (top 8 groups, the rest as `other`). */
  groupBy?: CostDimension;
}

/** What `exportFleetCost` exports. @public */
export interface CostExportFilter extends FleetDateRange {
  by?: CostDimension;
}

/** The dimensions fleet compliance scores are grouped by. @public */
export type ComplianceScoreDimension =
  | 'team'
  | 'project'
  | 'environment'
  | 'profile';

/** Which cluster approvals `listApprovals` returns. @public */
export interface ListApprovalsFilter {
  state?: ApprovalState;
  /** Only those the signed-in user may decide. */
  mine?: boolean;
  /** At most this many, newest first (the server's default is 100). */
  limit?: number;
}

/**
 * Which audit events `listAudit` returns, newest first. `from` and `to` are
 * ISO timestamps; `target` matches by prefix.
 *
 * @public
 */
export type ListAuditFilter = Partial<ListAuditQuery>;

/** Which rollouts `listRollouts` returns, newest first. @public */
export interface ListRolloutsFilter {
  status?: RolloutStatus;
  profile?: string;
  limit?: number;
  offset?: number;
}

/**
 * The frontend's view of palette-backend.
 *
 * @public
 */
export interface PaletteApi {
  /** The health of the database and the management clusters. */
  getHealth(): Promise<HealthReport>;

  /** Pack versions of the registry (one item per pack version). */
  listPacks(filter?: ListPacksFilter): Promise<{ items: Pack[] }>;

  /** A page of profiles, filtered on the server. */
  listProfiles(
    query: Partial<ListProfilesQuery>,
  ): Promise<ListProfilesResponse>;

  /** One profile with its versions and its draft. */
  getProfile(name: string): Promise<ProfileDetails>;

  /** Creates a profile and its first draft. */
  createProfile(request: CreateProfileRequest): Promise<ProfileDetails>;

  /** Replaces the draft of a profile (creating it when there is none). */
  saveDraft(
    name: string,
    request: SaveDraftRequest,
  ): Promise<SaveDraftResponse>;

  /** Validates the saved draft. */
  validateDraft(name: string): Promise<{ messages: ValidationMessage[] }>;

  /** Publishes the saved draft as a new version. */
  publish(name: string, request: PublishRequest): Promise<ProfileDetails>;

  /** Deprecates (or undeprecates) a published version. */
  setDeprecated(
    name: string,
    version: string,
    deprecated: boolean,
  ): Promise<ProfileDetails>;

  /** Deletes a published version that no cluster runs. */
  deleteVersion(name: string, version: string): Promise<void>;

  /** Deletes a profile with all its versions and its draft. */
  deleteProfile(name: string): Promise<void>;

  /** One published version with its layers and variables. */
  getProfileVersion(name: string, version: string): Promise<ProfileVersion>;

  /** What changed between two versions; `to` may be `draft`. */
  diffProfile(name: string, from: string, to: string): Promise<ProfileDiff>;

  /** A published version as a `ClusterProfile` YAML document. */
  exportProfileVersion(name: string, version: string): Promise<string>;

  /**
   * Creates a profile from a `ClusterProfile` YAML document. The document
   * carries no ownership: `owner` names the owning group (palette-backend
   * requires it).
   */
  importProfile(
    yaml: string,
    options?: { owner?: string },
  ): Promise<ProfileDetails>;

  /** A page of clusters, filtered and sorted on the server, with counts per phase. */
  listClusters(filter?: ListClustersFilter): Promise<ListClustersResponse>;

  /** One cluster with its live status. */
  getCluster(name: string): Promise<ClusterDetails>;

  /** Requests a new cluster. */
  createCluster(request: ClusterRequestInput): Promise<ClusterDetails>;

  /** Validates a cluster request and renders its manifests without creating it. */
  dryRunCluster(request: ClusterRequestInput): Promise<ClusterDryRunResponse>;

  /** What an upgrade would change, without changing anything. */
  previewClusterUpgrade(
    name: string,
    request: UpgradeClusterRequest,
  ): Promise<ClusterUpgradePreview>;

  /** Moves a cluster to another profile version or add-on set. */
  upgradeCluster(
    name: string,
    request: UpgradeClusterRequest,
  ): Promise<ClusterDetails>;

  /** Changes the node count or autoscaling bounds of one worker pool. */
  updateClusterPool(
    name: string,
    pool: string,
    request: UpdatePoolRequest,
  ): Promise<ClusterDetails>;

  /** Adds a worker pool. */
  addClusterPool(name: string, pool: WorkerPool): Promise<ClusterDetails>;

  /** Removes a worker pool and its nodes. */
  removeClusterPool(name: string, pool: string): Promise<ClusterDetails>;

  /** Stops reconciling a cluster until it is resumed. */
  pauseCluster(name: string): Promise<ClusterDetails>;

  /** Resumes reconciling a paused cluster. */
  resumeCluster(name: string): Promise<ClusterDetails>;

  /**
   * Deletes a cluster. `force` forgets its objects even when Cluster API has
   * not removed them; palette-backend allows it only once deletion is stuck.
   */
  deleteCluster(
    name: string,
    options?: { force?: boolean },
  ): Promise<ClusterDetails>;

  /** The cluster's timeline, newest first. */
  listClusterEvents(
    name: string,
    options?: { limit?: number },
  ): Promise<{ items: ClusterEvent[] }>;

  /** The cluster's admin kubeconfig. */
  getClusterKubeconfig(name: string): Promise<KubeconfigFile>;

  /** The cloud accounts clusters may be created in. */
  listCloudAccounts(): Promise<{ items: CloudAccountSummary[] }>;

  /** Every governance policy. */
  listPolicies(): Promise<{ items: StoredGovernancePolicy[] }>;

  /** The most specific policy that applies to a project and environment. */
  getEffectivePolicy(
    project: string,
    environment: string,
  ): Promise<EffectivePolicyResponse>;

  /** Creates or replaces the policy of its project and environment. */
  savePolicy(policy: GovernancePolicyInput): Promise<StoredGovernancePolicy>;

  /** Deletes the policy of a project and environment. */
  deletePolicy(project: string, environment: string): Promise<void>;

  /** Every team quota. */
  listQuotas(): Promise<{ items: StoredTeamQuota[] }>;

  /** Creates or replaces a team's quota. */
  saveQuota(quota: TeamQuota): Promise<StoredTeamQuota>;

  /** Deletes a team's quota: the team has no limits then. */
  deleteQuota(team: string): Promise<void>;

  /** What each team (or the one named) uses now, with its quota. */
  listUsage(team?: string): Promise<{ items: TeamUsage[] }>;

  /** What governance says about a request, without storing anything. */
  evaluateRequest(request: ClusterRequestInput): Promise<GovernanceDecision>;

  /** Cluster requests that need or needed an approval, newest first. */
  listApprovals(
    filter?: ListApprovalsFilter,
  ): Promise<{ items: ClusterApproval[] }>;

  /** Approves or rejects a pending cluster request. */
  decideApproval(
    name: string,
    decision: ApprovalDecision,
  ): Promise<ClusterDetails>;

  /** Audited changes, newest first. */
  listAudit(filter?: ListAuditFilter): Promise<{ items: AuditEvent[] }>;

  /** What a cluster request would cost per hour and per month. */
  estimateCost(request: ClusterRequestInput): Promise<CostEstimate>;

  /** The fleet's spend in a range, its run-rate and this month's forecast. */
  getFleetCostSummary(range?: FleetDateRange): Promise<FleetCostSummary>;

  /** The fleet's spend in a range, grouped by a dimension. */
  getFleetCostBreakdown(filter?: CostBreakdownFilter): Promise<CostBreakdown>;

  /** The fleet's spend per day or month, optionally split by a dimension. */
  getFleetCostTrend(filter?: CostTrendFilter): Promise<CostTrend>;

  /** Each team's spend this month (or `month`, `YYYY-MM`) against its budget. */
  listBudgets(month?: string): Promise<{ items: BudgetStatus[] }>;

  /** The fleet's spend in a range as CSV, grouped by a dimension. */
  exportFleetCost(filter?: CostExportFilter): Promise<DownloadedFile>;

  /** One cluster's run-rate, month to date and last 30 days. */
  getClusterCost(name: string): Promise<ClusterCost>;

  /** The fleet's compliance score and failing rules by severity. */
  getComplianceSummary(): Promise<ComplianceSummary>;

  /** Every rule with how many clusters fail and pass it. */
  listComplianceRules(): Promise<{ items: RuleStatus[] }>;

  /** A page of the clusters failing (or passing) a rule. */
  listRuleClusters(
    rule: ComplianceRuleId,
    page?: { limit?: number; offset?: number },
  ): Promise<{ items: ClusterRuleFinding[]; totalCount: number }>;

  /** Compliance scores grouped by a dimension. */
  listComplianceScores(
    by: ComplianceScoreDimension,
  ): Promise<{ items: ScoreGroup[] }>;

  /** The fleet's daily compliance score in a range. */
  getComplianceTrend(
    range?: FleetDateRange,
  ): Promise<{ points: Array<{ day: string; score: number }> }>;

  /** Every cluster's findings as CSV. */
  exportCompliance(): Promise<DownloadedFile>;

  /** One cluster's score, findings and scans. */
  getClusterCompliance(name: string): Promise<ClusterCompliance>;

  /** Uploads a scan tool's JSON report for a cluster. */
  uploadScan(
    name: string,
    kind: ScanKind,
    report: unknown,
  ): Promise<ScanResult>;

  /** Imports an existing cluster by its kubeconfig. */
  importCluster(request: ImportClusterRequestInput): Promise<ClusterDetails>;

  /**
   * Validates an import and reaches the API server with the kubeconfig
   * (a dry run): what discovery finds there, and nothing stored.
   */
  testClusterImport(
    request: ImportClusterRequestInput,
  ): Promise<ImportDryRunResponse>;

  /** What discovery last found on an imported cluster (404 before the first). */
  getClusterInventory(name: string): Promise<ClusterInventory>;

  /** Discovers an imported cluster again now. */
  discoverCluster(name: string): Promise<ClusterInventory>;

  /** Creates a draft profile equivalent to what an imported cluster runs. */
  generateProfileFromCluster(
    name: string,
    profileName?: string,
  ): Promise<GeneratedProfileResult>;

  /**
   * Existing clusters the embedded Cluster API simulator hosts, to try
   * import with in the demo portal; empty with real management clusters.
   */
  listSimulatedExistingClusters(): Promise<SimulatedExistingCluster[]>;

  /** The kubeconfig of one simulated existing cluster (it reaches only that one). */
  getSimulatedExistingClusterKubeconfig(
    cluster: SimulatedExistingCluster,
  ): Promise<string>;

  /** A page of rollouts (without their waves), newest first. */
  listRollouts(filter?: ListRolloutsFilter): Promise<ListRolloutsResponse>;

  /** One rollout with its waves and each cluster's part. */
  getRollout(id: string): Promise<Rollout>;

  /** Starts a rollout; its first (canary) wave begins in its window. */
  createRollout(request: CreateRolloutRequest): Promise<Rollout>;

  /** The waves a rollout would have (and the clusters it skips), storing nothing. */
  planRollout(request: CreateRolloutRequest): Promise<Rollout>;

  /** Stops a running rollout after the clusters under way; resumable. */
  pauseRollout(id: string): Promise<Rollout>;

  /** Goes on with a paused or halted rollout. */
  resumeRollout(id: string): Promise<Rollout>;

  /** Stops a rollout for good; clusters keep the version they have. */
  cancelRollout(id: string): Promise<Rollout>;

  /** Returns the failed (or all moved) clusters to their previous version. */
  rollbackRollout(id: string, scope: 'failed' | 'all'): Promise<Rollout>;

  /** How many clusters run each version of a profile. */
  getProfileUsage(name: string): Promise<ProfileUsage>;

  /** A cluster's own window, its environment's, and whether one is open now. */
  getClusterMaintenanceWindow(
    name: string,
  ): Promise<ClusterMaintenanceWindowResponse>;

  /** Sets a cluster's own maintenance window, or removes it with `null`. */
  setClusterMaintenanceWindow(
    name: string,
    window: MaintenanceWindow | null,
  ): Promise<ClusterMaintenanceWindowResponse>;

  /** One day-2 action on many clusters, with each cluster's own outcome. */
  bulkClusterAction(
    request: BulkClusterActionRequest,
  ): Promise<BulkClusterActionResponse>;
}

/** @public */
export const paletteApiRef = createApiRef<PaletteApi>({
  id: 'plugin.palette.api',
});
