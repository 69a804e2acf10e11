export { FleetCompliancePage } from './FleetCompliancePage';
