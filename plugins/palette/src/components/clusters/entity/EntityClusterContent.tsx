import { useEntity } from '@backstage/plugin-catalog-react';
import { ClusterDetailsView } from '../details';
import { clusterNameOf } from './clusterEntity';

/** The Cluster tab of a cluster entity: its live lifecycle and actions. */
export const EntityClusterContent = () => {
  const { entity } = useEntity();
  return <ClusterDetailsView name={clusterNameOf(entity)} />;
};
