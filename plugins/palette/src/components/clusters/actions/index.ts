export { ClusterDialogs } from './ClusterDialogs';
