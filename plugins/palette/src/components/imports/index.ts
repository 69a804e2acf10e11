export { ImportClusterButton } from './ImportClusterButton';
export { ImportClusterDialog } from './ImportClusterDialog';
export { InventoryCard } from './inventory/InventoryCard';
export { GenerateProfileDialog } from './profile/GenerateProfileDialog';
export { ManagedAddOnsDialog } from './addOns/ManagedAddOnsDialog';
export { useCanImportCluster } from './permissions';
