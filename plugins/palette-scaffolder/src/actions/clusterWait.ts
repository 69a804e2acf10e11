import { AuthService } from '@backstage/backend-plugin-api';
import {
  CLUSTER_NAME_PATTERN,
  clusterPhaseSchema,
} from '@palette-backstage/plugin-palette-common';
import { z } from 'zod';
import { PaletteClusterClient } from '../client/PaletteClusterClient';
import { examples } from './clusterWait.examples';
import { createPaletteAction } from './createPaletteAction';
import { initiatorClusterReader } from './initiatorClusterReader';
import { realClock, waitUntilRunning, WaitClock } from './waitUntilRunning';

const inputSchema = z.object({
  name: z
    .string()
    .regex(CLUSTER_NAME_PATTERN, 'must be a cluster name')
    .describe(
      'The cluster to wait for, usually ${{ steps.create.output.name }}.',
    ),
  timeoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60)
    .describe(
      'How long to wait before failing (the cluster keeps provisioning). 60 by default; allow for approvals in production.',
    ),
  pollSeconds: z
    .number()
    .int()
    .min(1)
    .max(300)
    .default(5)
    .describe('How often to read the cluster status. 5 by default.'),
});

const outputSchema = z.object({
  phase: clusterPhaseSchema.describe('Running.'),
  kubernetesVersion: z
    .string()
    .optional()
    .describe('The Kubernetes version the control plane runs.'),
  apiServer: z
    .string()
    .optional()
    .describe("The workload cluster's API server URL, when known."),
});

/**
 * What `palette:cluster:wait` needs.
 *
 * @public
 */
export interface PaletteClusterWaitActionOptions {
  client: PaletteClusterClient;
  /** For the scaffolder's own credentials once the initiator's expire. */
  auth: AuthService;
  /** Real time when absent; tests pass a fake one. */
  clock?: WaitClock;
}

/**
 * `palette:cluster:wait`: follows a cluster until it is Running, logging its
 * lifecycle as the task's progress; fails with the reason when the cluster
 * fails, is rejected or deleted, or is not running in time.
 *
 * @public
 */
export function createPaletteClusterWaitAction(
  options: PaletteClusterWaitActionOptions,
) {
  const { client, auth, clock = realClock } = options;
  return createPaletteAction({
    id: 'palette:cluster:wait',
    description:
      "Waits until a Palette cluster is Running, logging each lifecycle step (and who must approve it while it awaits approval). Fails with the cluster's reason when it fails, is rejected or deleted, or is not running within timeoutMinutes.",
    examples,
    schema: { input: inputSchema, output: outputSchema },
    async handler(ctx, input) {
      const reader = initiatorClusterReader({
        client,
        auth,
        name: input.name,
        initiator: await ctx.getInitiatorCredentials(),
        logger: ctx.logger,
        signal: ctx.signal,
      });
      const cluster = await waitUntilRunning({
        name: input.name,
        reader,
        logger: ctx.logger,
        clock,
        timeoutMs: input.timeoutMinutes * 60_000,
        pollMs: input.pollSeconds * 1000,
        signal: ctx.signal,
      });

      ctx.output('phase', cluster.phase);
      // The version the control plane reports, else the one asked for.
      const version = cluster.controlPlane.version ?? cluster.kubernetesVersion;
      if (version) ctx.output('kubernetesVersion', version);
      if (cluster.apiServer) ctx.output('apiServer', cluster.apiServer);
    },
  });
}
