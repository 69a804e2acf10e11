export { ClusterDetailsView } from './ClusterDetailsView';
export { ClusterPage } from './ClusterPage';
export { LifecycleProgress, PhaseLine } from './LifecycleHeader';
export { useClusterLive, FAST_POLL_MS, SLOW_POLL_MS } from './useClusterLive';
