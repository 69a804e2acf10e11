import {
  ClusterPhase,
  clusterRequestSchema,
} from '@palette-backstage/plugin-palette-common';
import { PaletteClusterClient } from '../client/PaletteClusterClient';
import {
  clusterCreateOutput,
  clusterCreateOutputSchema,
  clusterRequestDescriptions,
} from './clusterCreate.schema';
import { examples } from './clusterCreate.examples';
import { createPaletteAction } from './createPaletteAction';
import { reportDryRun } from './reportDryRun';
import { requestCluster } from './requestCluster';

/**
 * What `palette:cluster:create` needs.
 *
 * @public
 */
export interface PaletteClusterCreateActionOptions {
  client: PaletteClusterClient;
}

/**
 * `palette:cluster:create`: requests a cluster from palette-backend on behalf
 * of the template's initiator, so their permissions and governance (policy,
 * quota, budget, approval) apply. In a dry run it only validates.
 *
 * @public
 */
export function createPaletteClusterCreateAction(
  options: PaletteClusterCreateActionOptions,
) {
  const { client } = options;
  return createPaletteAction({
    id: 'palette:cluster:create',
    description:
      "Requests a Kubernetes cluster from a Palette cluster profile, as the template's user: their permissions and the governance policy, quotas and budget apply, and production requests may wait for an approval. Pair with palette:cluster:wait to follow it until it runs.",
    examples,
    supportsDryRun: true,
    schema: {
      input: clusterRequestSchema,
      inputDescriptions: clusterRequestDescriptions,
      output: clusterCreateOutputSchema,
    },
    async handler(ctx, request) {
      const call = {
        credentials: await ctx.getInitiatorCredentials(),
        signal: ctx.signal,
      };
      const writeOutputs = (phase: ClusterPhase) => {
        const output = clusterCreateOutput(request.name, phase);
        for (const [key, value] of Object.entries(output)) {
          ctx.output(key as keyof typeof output, value);
        }
      };

      if (ctx.isDryRun) {
        const result = await client.dryRunCluster(request, call);
        reportDryRun(ctx.logger, request.name, result);
        writeOutputs(
          result.governance?.approval ? 'PendingApproval' : 'Requested',
        );
        return;
      }

      // A retried task resumes here with the stored outcome rather than
      // requesting the same cluster twice.
      const phase = await ctx.checkpoint({
        key: `palette-cluster-create-${request.name}`,
        fn: async () => {
          const cluster = await requestCluster(
            client,
            request,
            call,
            ctx.logger,
          );
          ctx.logger.info(
            `Requested cluster ${cluster.name}: ${cluster.phase}`,
          );
          if (cluster.approval) {
            ctx.logger.info(
              `Cluster ${cluster.name} waits for approval by ${cluster.approval.approverGroup}`,
            );
          }
          return cluster.phase;
        },
      });
      writeOutputs(phase);
    },
  });
}
