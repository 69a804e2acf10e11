import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterDetails,
  ClusterInventory,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { errorMessage } from '../../profiles/utils';
import { PolledValue, usePolledValue } from '../../../hooks';

/** An imported cluster's inventory, and discovering it again. */
export interface Inventory {
  inventory: PolledValue<ClusterInventory>;
  /** The first discovery has not finished (the server answers 404). */
  notDiscovered: boolean;
  rediscovering: boolean;
  /** Why the last Rediscover failed. */
  rediscoverFailure?: string;
  rediscover: () => Promise<void>;
}

const isNotFound = (error?: Error) =>
  !!error && ResponseError.is(error) && error.statusCode === 404;

/**
 * Loads an imported cluster's inventory, and again whenever the polled
 * cluster reports a newer discovery or another phase (so no poll of its own).
 */
export function useInventory(cluster: ClusterDetails): Inventory {
  const paletteApi = useApi(paletteApiRef);
  const { name, phase } = cluster;
  const discoveredAt = cluster.imported?.lastDiscoveredAt;
  const inventory = usePolledValue(
    () => paletteApi.getClusterInventory(name),
    [paletteApi, name, phase, discoveredAt],
    () => undefined,
  );
  const [rediscovering, setRediscovering] = useState(false);
  const [rediscoverFailure, setRediscoverFailure] = useState<string>();

  const rediscover = async () => {
    setRediscovering(true);
    setRediscoverFailure(undefined);
    try {
      inventory.setValue(await paletteApi.discoverCluster(name));
    } catch (e) {
      setRediscoverFailure(errorMessage(e));
    }
    setRediscovering(false);
  };

  return {
    inventory,
    notDiscovered: !inventory.value && isNotFound(inventory.error),
    rediscovering,
    rediscoverFailure,
    rediscover,
  };
}
