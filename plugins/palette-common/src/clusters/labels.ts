/**
 * Labels palette-backend puts on every object it applies to a management
 * cluster, so that objects can be traced to their cluster and profile, and
 * found again by label selector after a restart.
 *
 * @public
 */
export const PALETTE_LABELS = {
  /** Always `palette`. */
  managedBy: 'app.kubernetes.io/managed-by',
  /** The cluster the object belongs to. */
  cluster: 'palette.io/cluster',
  /** The profile whose layer or infrastructure the object renders. */
  profile: 'palette.io/profile',
  /** That profile's version. */
  profileVersion: 'palette.io/profile-version',
  /** On add-on objects: the pack they install. */
  pack: 'palette.io/pack',
} as const;

/** The value of `app.kubernetes.io/managed-by` on rendered objects. @public */
export const PALETTE_MANAGED_BY = 'palette';

/** The field manager of every server-side apply the product makes. @public */
export const PALETTE_FIELD_MANAGER = 'palette-backstage';
