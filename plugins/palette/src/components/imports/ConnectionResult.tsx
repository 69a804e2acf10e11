import Alert from '@material-ui/lab/Alert';
import { ImportDryRunResponse } from '@palette-backstage/plugin-palette-common';
import { plural } from '../clusters/utils';
import { placementText } from './format';

/**
 * What the last "Test connection" found: the API server answered with the
 * kubeconfig, and what discovery found there (or why it could not look).
 */
export const ConnectionResult = ({
  probed,
  stale,
}: {
  probed: ImportDryRunResponse;
  /** The form changed since it was tested. */
  stale: boolean;
}) => {
  const inventory = probed.inventory;
  const found = inventory
    ? [
        `Kubernetes ${inventory.kubernetes.version} (${inventory.kubernetes.distribution})`,
        placementText(inventory.provider, inventory.region) &&
          `on ${placementText(inventory.provider, inventory.region)}`,
        inventory.nodes.length > 0 &&
          `${plural(inventory.nodes.length, 'node')}, ${
            inventory.nodes.filter(n => n.ready).length
          } ready`,
      ].filter(Boolean)
    : [];
  const warnings = probed.messages.filter(m => m.severity === 'warning');
  return (
    <Alert severity={warnings.length ? 'warning' : 'success'} role="status">
      Connected to {probed.apiServer}
      {found.length ? `: ${found.join(', ')}.` : '.'}
      {warnings.map(w => ` ${w.message}.`).join('')}
      {stale && ' The form changed since; test again.'}
    </Alert>
  );
};
