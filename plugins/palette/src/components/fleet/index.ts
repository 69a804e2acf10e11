export { FleetCostPage } from './cost';
export { FleetCompliancePage } from './compliance';
export { EntityClusterComplianceCard, EntityClusterCostCard } from './entity';
