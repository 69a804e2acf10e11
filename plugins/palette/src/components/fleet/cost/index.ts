export { FleetCostPage } from './FleetCostPage';
