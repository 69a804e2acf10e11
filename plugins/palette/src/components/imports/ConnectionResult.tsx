import Alert from '@material-ui/lab/Alert';
import { ClusterDetails } from '@palette-backstage/plugin-palette-common';
import { plural } from '../clusters/utils';
import { placementText } from './format';

/**
 * What the last "Test connection" found: the API server answered with the
 * kubeconfig, and what it runs.
 */
export const ConnectionResult = ({
  probed,
  stale,
}: {
  probed: ClusterDetails;
  /** The form changed since it was tested. */
  stale: boolean;
}) => {
  const distribution = probed.imported?.distribution;
  const version = probed.kubernetesVersion
    ? `Kubernetes ${probed.kubernetesVersion}${
        distribution ? ` (${distribution})` : ''
      }`
    : undefined;
  const where = placementText(probed.provider, probed.region);
  const found = [
    version,
    where && `on ${where}`,
    probed.nodes.desired > 0 &&
      `${plural(probed.nodes.desired, 'node')}, ${probed.nodes.ready} ready`,
  ].filter(Boolean);
  return (
    <Alert severity="success" role="status">
      Connected to {probed.apiServer ?? 'the API server'}
      {found.length ? `: ${found.join(', ')}.` : '.'}
      {probed.message && ` ${probed.message}`}
      {stale && ' The form changed since; test again.'}
    </Alert>
  );
};
