export { deriveClusterStatus } from './deriveClusterStatus';
export {
  ClusterStatusWatcher,
  CONNECTION_CHANGE_KIND,
} from './ClusterStatusWatcher';
export type {
  ClusterChangeListener,
  ClusterStatusWatcherOptions,
  WatcherConnection,
  WatcherState,
} from './ClusterStatusWatcher';
export type { BackoffOptions } from './watch/backoff';
export type { KindRef } from './watch/watchedResources';
export type {
  DerivedClusterStatus,
  DerivedPoolStatus,
  DesiredClusterInfo,
  DesiredPoolSize,
  LiveClusterObjects,
  LiveObject,
} from './types';
