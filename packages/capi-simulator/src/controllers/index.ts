/**
 * Simulated Cluster API controllers for the embedded management cluster.
 *
 * @packageDocumentation
 */
export { startControllers, TIMING_PRESETS } from './startControllers';
export type {
  SimulatorTiming,
  ControllerOptions,
  RunningControllers,
} from './startControllers';
export {
  SIMULATOR_ANNOTATIONS,
  SIMULATED_FAILURE_REASON,
  CLUSTER_FINALIZER,
} from './constants';
export type { SimulatedFailureStage } from './constants';
