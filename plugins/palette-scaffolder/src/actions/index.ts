import { AuthService } from '@backstage/backend-plugin-api';
import { PaletteClusterClient } from '../client/PaletteClusterClient';
import { createPaletteClusterCreateAction } from './clusterCreate';
import { createPaletteClusterWaitAction } from './clusterWait';

export { createPaletteClusterCreateAction } from './clusterCreate';
export type { PaletteClusterCreateActionOptions } from './clusterCreate';
export type { ClusterCreateOutput } from './clusterCreate.schema';
export { createPaletteClusterWaitAction } from './clusterWait';
export type { PaletteClusterWaitActionOptions } from './clusterWait';
export type { WaitClock } from './waitUntilRunning';

/**
 * Every Palette template action, sharing one client.
 *
 * @public
 */
export function createPaletteActions(options: {
  client: PaletteClusterClient;
  auth: AuthService;
}) {
  return [
    createPaletteClusterCreateAction(options),
    createPaletteClusterWaitAction(options),
  ];
}
