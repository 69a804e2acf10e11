export { EntityClusterContent } from './EntityClusterContent';
export { EntityClusterCard } from './EntityClusterCard';
export { isPaletteClusterEntity, clusterNameOf } from './clusterEntity';
