export { EntityClusterCostCard } from './EntityClusterCostCard';
export { EntityClusterComplianceCard } from './EntityClusterComplianceCard';
