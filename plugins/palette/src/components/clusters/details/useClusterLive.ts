import { useApi } from '@backstage/core-plugin-api';
import {
  ClusterDetails,
  ClusterEvent,
  isClusterPhaseInProgress,
} from '@palette-backstage/plugin-palette-common';
import { useCallback } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { PolledValue, usePolledValue } from '../../../hooks';

/** How often a cluster is asked for while work is under way. */
export const FAST_POLL_MS = 2_500;
/** How often a settled cluster is asked for. */
export const SLOW_POLL_MS = 30_000;

/** How many events the timeline shows. */
export const EVENT_LIMIT = 200;

/** A cluster's live details, its timeline, and a way to show what an action returned. */
export interface ClusterLive {
  cluster: PolledValue<ClusterDetails>;
  events: PolledValue<ClusterEvent[]>;
  /** Shows the details an action returned, and polls again at once. */
  apply: (details: ClusterDetails) => void;
}

/** How soon a cluster in a phase is asked for again. */
export const pollDelayOf = (details: ClusterDetails) =>
  isClusterPhaseInProgress(details.phase) && details.phase !== 'PendingApproval'
    ? FAST_POLL_MS
    : SLOW_POLL_MS;

/**
 * Polls a cluster every 2.5 s while work is under way and every 30 s
 * otherwise (also while it waits for an approver, which takes hours rather
 * than seconds); reloads its timeline whenever the cluster changes.
 */
export function useClusterLive(name: string): ClusterLive {
  const paletteApi = useApi(paletteApiRef);
  const cluster = usePolledValue(
    () => paletteApi.getCluster(name),
    [paletteApi, name],
    pollDelayOf,
  );
  const version = cluster.value
    ? `${cluster.value.phase}|${cluster.value.updatedAt}|${cluster.value.phaseSince}`
    : '';
  const events = usePolledValue(
    () =>
      paletteApi
        .listClusterEvents(name, { limit: EVENT_LIMIT })
        .then(r => r.items),
    [paletteApi, name, version],
    () => undefined,
    SLOW_POLL_MS,
  );
  const { setValue, refresh } = cluster;
  const apply = useCallback(
    (details: ClusterDetails) => {
      setValue(details);
      refresh();
    },
    [setValue, refresh],
  );
  return { cluster, events, apply };
}
