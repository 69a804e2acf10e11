/**
 * The Palette frontend: clusters, profiles, fleet, cost and compliance pages.
 *
 * @packageDocumentation
 */
export {
  palettePlugin,
  PalettePage,
  EntityPaletteContent,
  EntityPaletteProfileContent,
  EntityPaletteClusterContent,
  EntityPaletteClusterCard,
  EntityPaletteClusterCostCard,
  EntityPaletteClusterComplianceCard,
  PaletteProfilePickerFieldExtension,
  PaletteNodePoolEditorFieldExtension,
  PaletteCostEstimateFieldExtension,
} from './plugin';
export {
  PaletteProfilePicker,
  PaletteNodePoolEditor,
  PaletteCostEstimate,
  validatePaletteProfilePick,
  validatePaletteNodePools,
  type ProfilePickerValue,
  type ProfilePickerUiOptions,
  type NodePoolEditorUiOptions,
  type CostEstimateUiOptions,
} from './components/scaffolder';
export { isPaletteClusterEntity } from './components/clusters/entity/clusterEntity';
export { isPaletteEntity } from './components/EntityPaletteContent';
export { isPaletteProfileEntity } from './components/EntityProfileContent';
export { paletteApiRef } from './api/PaletteApi';
export type {
  PaletteApi,
  ListPacksFilter,
  SaveDraftResponse,
  ListClustersFilter,
  ClusterSortKey,
  KubeconfigFile,
  DownloadedFile,
  FleetDateRange,
  CostBreakdownFilter,
  CostTrendFilter,
  CostExportFilter,
  ComplianceScoreDimension,
  ListApprovalsFilter,
  ListAuditFilter,
  ListRolloutsFilter,
} from './api/PaletteApi';
export { PaletteClient } from './api/PaletteClient';
export {
  rootRouteRef,
  profilesRouteRef,
  profileRouteRef,
  clustersRouteRef,
  clusterRouteRef,
  approvalsRouteRef,
  governanceRouteRef,
  auditRouteRef,
  costRouteRef,
  complianceRouteRef,
  rolloutsRouteRef,
  rolloutRouteRef,
} from './routes';
