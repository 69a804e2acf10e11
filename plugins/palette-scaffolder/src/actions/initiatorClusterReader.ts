import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  ClusterDetails,
  ClusterEvent,
} from '@palette-backstage/plugin-palette-common';
import { PaletteClusterClient } from '../client/PaletteClusterClient';

/** Reads one cluster's status and timeline. */
export interface ClusterReader {
  read(): Promise<ClusterDetails>;
  events(limit: number): Promise<ClusterEvent[]>;
}

/** What {@link initiatorClusterReader} needs. */
export interface InitiatorClusterReaderOptions {
  client: PaletteClusterClient;
  auth: AuthService;
  name: string;
  initiator: BackstageCredentials;
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * Reads a cluster on behalf of the template's initiator for as long as
 * their credentials last.
 *
 * A task holds the initiator's Backstage token from when it started, and
 * that token expires (after an hour by default), while waiting for an
 * approval or a slow cloud can take a day. Once palette-backend refuses the
 * expired token, reads continue with the scaffolder's own service
 * credentials, but only after the initiator was allowed to read this very
 * cluster: the permission decision stays the user's, and all that is read
 * afterwards is the status of that one cluster.
 */
export function initiatorClusterReader(
  options: InitiatorClusterReaderOptions,
): ClusterReader {
  const { client, auth, name, logger, signal } = options;
  let credentials = options.initiator;
  let readAsInitiator = false;
  let asService = false;

  async function call<T>(
    fn: (c: BackstageCredentials) => Promise<T>,
  ): Promise<T> {
    try {
      return await fn(credentials);
    } catch (error) {
      const expired = isError(error) && error.name === 'AuthenticationError';
      if (!expired || asService || !readAsInitiator) throw error;
      logger.info(
        `The sign-in of the template's user has expired; following cluster ${name} with the scaffolder's own credentials`,
      );
      credentials = await auth.getOwnServiceCredentials();
      asService = true;
      return fn(credentials);
    }
  }

  return {
    async read() {
      const cluster = await call(c =>
        client.getCluster(name, { credentials: c, signal }),
      );
      readAsInitiator ||= !asService;
      return cluster;
    },
    events(limit) {
      return call(c =>
        client.listClusterEvents(name, { credentials: c, signal, limit }),
      );
    },
  };
}
