import { ContentHeader, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { clustersRouteRef } from '../../../routes';
import { ClusterDetailsView } from './ClusterDetailsView';

/**
 * A cluster under the Palette page (`/palette/clusters/:name`): where a new
 * request lands, live before the catalog has picked the cluster up.
 */
export const ClusterPage = () => {
  const { name = '' } = useParams();
  const clustersLink = useRouteRef(clustersRouteRef);
  const entityLink = useRouteRef(entityRouteRef);
  return (
    <>
      <ContentHeader
        title={name}
        description="Live lifecycle from palette-backend"
      >
        <Button
          component={RouterLink}
          to={clustersLink()}
          startIcon={<ArrowBackIcon />}
        >
          All clusters
        </Button>
        <Link to={entityLink({ namespace: 'default', kind: 'resource', name })}>
          Open in the catalog
        </Link>
      </ContentHeader>
      <ClusterDetailsView name={name} />
    </>
  );
};
