export { ClustersRouter } from './ClustersRouter';
export {
  EntityClusterCard,
  EntityClusterContent,
  isPaletteClusterEntity,
  clusterNameOf,
} from './entity';
