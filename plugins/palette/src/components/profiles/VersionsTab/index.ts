export { VersionsTab } from './VersionsTab';
