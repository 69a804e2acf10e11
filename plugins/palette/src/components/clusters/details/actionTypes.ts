/** What a user can ask of a cluster from its page (each opens a dialog). */
export type ClusterAction =
  /** `preview`: straight to the preview of the update available. */
  | { type: 'upgrade'; preview?: boolean }
  | { type: 'scale'; pool: string }
  | { type: 'addPool' }
  | { type: 'removePool'; pool: string }
  | { type: 'pause' }
  | { type: 'delete'; force: boolean }
  /** Imported clusters: another set of add-on profiles (managed mode). */
  | { type: 'addOns' }
  /** Imported clusters: a draft profile equivalent to what it runs. */
  | { type: 'generateProfile' };
