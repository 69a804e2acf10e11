import {
  ClusterDetails,
  ProfileRef,
} from '@palette-backstage/plugin-palette-common';
import { PaletteCatalogSource } from './PaletteCatalogSource';

/**
 * What the catalog knows of a cluster: the fields of `ClusterDetails` its
 * entity is made of, and nothing that changes without a cluster event.
 *
 * @public
 */
export interface ClusterCatalogRecord
  extends Pick<
    ClusterDetails,
    | 'name'
    | 'phase'
    | 'provider'
    | 'region'
    | 'owner'
    | 'project'
    | 'environment'
    | 'managementCluster'
    | 'kubernetesVersion'
    | 'apiServer'
    | 'imported'
  > {
  /** Absent on imported clusters: they were not built from a profile. */
  profile?: ProfileRef;
  addOnProfiles: ProfileRef[];
  /** The description the developer gave in the request. */
  description?: string;
  /**
   * The base64-encoded PEM CA bundle of the API server (public data), when
   * palette-backend serves it; `ClusterDetails` does not yet.
   */
  apiServerCertificateAuthority?: string;
}

/**
 * Where {@link PaletteClusterEntityProvider} reads clusters from. Deleted
 * clusters may be returned: the provider leaves them out of the catalog.
 *
 * @public
 */
export type ClusterCatalogSource = PaletteCatalogSource<ClusterCatalogRecord>;
