import { isDeepStrictEqual } from 'node:util';
import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  ClusterDetails,
  ClusterRequest,
  clusterRequestSchema,
} from '@palette-backstage/plugin-palette-common';
import {
  PaletteCallOptions,
  PaletteClusterClient,
} from '../client/PaletteClusterClient';

/**
 * Requests a cluster. A 409 is taken for success when it is this task's own
 * earlier attempt: the create went through but its checkpoint was never
 * stored (the process stopped, or the reply was lost), so the retry meets
 * its own cluster. palette-backend does not record the task, so "its own"
 * means created by the same initiator with the same request; anything else
 * (another user's cluster, or the same user's with other settings) is a
 * real name clash and the conflict stands.
 */
export async function requestCluster(
  client: PaletteClusterClient,
  request: ClusterRequest,
  call: PaletteCallOptions,
  logger: LoggerService,
): Promise<ClusterDetails> {
  try {
    return await client.createCluster(request, call);
  } catch (error) {
    if (!isError(error) || error.name !== 'ConflictError') throw error;
    const existing = await readIfStillThere(client, request.name, call);
    if (!existing || !isEarlierAttempt(existing, request, call)) throw error;
    logger.info(
      `Cluster ${request.name} was already requested by an earlier attempt of this task; continuing with it`,
    );
    return existing;
  }
}

async function readIfStillThere(
  client: PaletteClusterClient,
  name: string,
  call: PaletteCallOptions,
): Promise<ClusterDetails | undefined> {
  try {
    return await client.getCluster(name, call);
  } catch (error) {
    if (isError(error) && error.name === 'NotFoundError') return undefined;
    throw error;
  }
}

function isEarlierAttempt(
  existing: ClusterDetails,
  request: ClusterRequest,
  { credentials }: PaletteCallOptions,
): boolean {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  if (principal.type !== 'user' || !principal.userEntityRef) return false;
  if (existing.createdBy !== principal.userEntityRef) return false;
  const stored = clusterRequestSchema.safeParse(existing.request);
  return (
    stored.success && isDeepStrictEqual(asJson(stored.data), asJson(request))
  );
}

/** Drops `undefined` members, which JSON (and so the stored request) has not. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
