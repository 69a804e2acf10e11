import { CLUSTER_NAME_PATTERN } from '@palette-backstage/plugin-palette-common';
import { ClusterCatalogRecord } from './ClusterCatalogSource';
import { clusterToEntity, ClusterToEntityOptions } from './clusterToEntity';
import {
  PALETTE_CLUSTERS_LOCATION,
  PALETTE_CLUSTERS_PROVIDER_NAME,
} from './constants';
import {
  PaletteEntityProvider,
  PaletteEntityProviderCreateOptions,
  PaletteEntityProviderOptions,
  syncScheduleOf,
} from './PaletteEntityProvider';

/** @public */
export interface PaletteClusterEntityProviderOptions
  extends PaletteEntityProviderOptions<ClusterCatalogRecord>,
    Pick<ClusterToEntityOptions, 'profileNamespace' | 'kubernetes'> {}

/**
 * Publishes every cluster that is not `Deleted` or `Rejected` to the catalog as a
 * `Resource` entity of type `kubernetes-cluster`: a full sync on connect and
 * on `refresh()`, a delta on {@link PaletteClusterEntityProvider.clusterChanged},
 * which removes the entity once the cluster is deleted or gone.
 *
 * @public
 */
export class PaletteClusterEntityProvider extends PaletteEntityProvider<ClusterCatalogRecord> {
  /**
   * Creates a provider; with `schedule` (or `scheduler`, which then runs
   * the default schedule) it also syncs periodically.
   */
  static create(
    options: PaletteEntityProviderCreateOptions<PaletteClusterEntityProviderOptions>,
  ): PaletteClusterEntityProvider {
    return new PaletteClusterEntityProvider({
      ...options,
      schedule: syncScheduleOf(options),
    });
  }

  constructor(options: PaletteClusterEntityProviderOptions) {
    const { profileNamespace, kubernetes } = options;
    super(
      {
        providerName: PALETTE_CLUSTERS_PROVIDER_NAME,
        locationKey: PALETTE_CLUSTERS_LOCATION,
        noun: 'cluster',
        isValidName: name => CLUSTER_NAME_PATTERN.test(name),
        // Deleted and rejected clusters stay in palette-backend for history
        // and cost; they are not in the catalog.
        isCatalogued: cluster =>
          cluster.phase !== 'Deleted' && cluster.phase !== 'Rejected',
        toEntity: (cluster, context) =>
          clusterToEntity(cluster, {
            ...context,
            profileNamespace,
            kubernetes,
          }),
      },
      options,
    );
  }

  /** Re-reads one cluster and adds, updates or removes its entity. */
  clusterChanged(name: string): Promise<void> {
    return this.entityChanged(name);
  }
}
