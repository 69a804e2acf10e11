import { ClusterPhase } from '@palette-backstage/plugin-palette-common';

/** Phases in which a managed control plane exists and is billed. */
export const BILLED_CONTROL_PLANE_PHASES: ReadonlySet<ClusterPhase> = new Set([
  'Provisioning',
  'Running',
  'Updating',
  'Scaling',
  'Degraded',
  'Deleting',
  // An imported cluster that stops answering still runs, and is billed.
  'Unreachable',
]);
