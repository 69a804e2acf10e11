import { StatusError, StatusOK } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { DiscoveredNode } from '@palette-backstage/plugin-palette-common';
import { SimpleTable } from '../../shared';
import { formatGiB } from '../format';

/** The nodes discovery found, with their sizes, OS images and readiness. */
export const NodesTable = ({ nodes }: { nodes: DiscoveredNode[] }) => (
  <SimpleTable
    label="Discovered nodes"
    rows={nodes}
    rowKey={n => n.name}
    columns={[
      {
        title: 'Name',
        value: n => (
          <>
            {n.name}
            {n.roles.length > 0 && (
              <Typography
                variant="caption"
                component="div"
                color="textSecondary"
              >
                {n.roles.join(', ')}
              </Typography>
            )}
          </>
        ),
      },
      { title: 'Pool', value: n => n.pool ?? '—' },
      { title: 'Instance type', value: n => n.instanceType ?? '—' },
      { title: 'CPU', value: n => n.cpu },
      { title: 'Memory', value: n => formatGiB(n.memoryGiB) },
      {
        title: 'OS image',
        value: n => (
          <>
            {n.osImage}
            {n.architecture && (
              <Typography
                variant="caption"
                component="div"
                color="textSecondary"
              >
                {n.architecture}
              </Typography>
            )}
          </>
        ),
      },
      { title: 'Kubelet', value: n => n.kubeletVersion },
      {
        title: 'Ready',
        value: n => (
          <>
            {n.ready ? (
              <StatusOK>Ready</StatusOK>
            ) : (
              <StatusError>Not ready</StatusError>
            )}
            {n.problems.map(problem => (
              <Typography
                key={problem}
                variant="caption"
                component="div"
                color="error"
              >
                {problem}
              </Typography>
            ))}
          </>
        ),
      },
    ]}
  />
);
