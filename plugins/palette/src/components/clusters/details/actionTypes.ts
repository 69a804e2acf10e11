/** What a user can ask of a cluster from its page (each opens a dialog). */
export type ClusterAction =
  | { type: 'upgrade' }
  | { type: 'scale'; pool: string }
  | { type: 'addPool' }
  | { type: 'removePool'; pool: string }
  | { type: 'pause' }
  | { type: 'delete'; force: boolean };
