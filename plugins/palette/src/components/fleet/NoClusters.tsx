import { EmptyState, LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { clustersRouteRef } from '../../routes';

/** The fleet has no clusters yet: where to request one. */
export const NoClusters = ({ what }: { what: string }) => {
  const clustersLink = useRouteRef(clustersRouteRef);
  return (
    <EmptyState
      missing="data"
      title="No clusters yet"
      description={`${what} appears here once the fleet has clusters. Request one from a published cluster profile on the Clusters page, or with a software template.`}
      action={
        <LinkButton variant="contained" color="primary" to={clustersLink()}>
          Go to clusters
        </LinkButton>
      }
    />
  );
};
