import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  ClusterDetails,
  ClusterInventory,
  DiscoveredComponent,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { canChangeInPhase, formatAge, plural } from '../../clusters/utils';
import { errorMessage, formatDateTime } from '../../profiles/utils';
import { placementText } from '../format';
import { HelmReleasesTable } from './HelmReleasesTable';
import { NodesTable } from './NodesTable';
import { useInventory } from './useInventory';

const useStyles = makeStyles(theme => ({
  spaced: { marginBottom: theme.spacing(2) },
  tabs: { borderBottom: `1px solid ${theme.palette.divider}` },
  panel: { paddingTop: theme.spacing(1) },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  empty: { padding: theme.spacing(2, 0) },
}));

const componentText = (c: DiscoveredComponent) =>
  `${c.name}${c.version ? ` ${c.version}` : ''} (${c.source})`;

/**
 * Why the inventory may be out of date, prominently: the API server does
 * not answer (Unreachable) or nodes report problems (Degraded).
 */
const HealthAlert = ({ cluster }: { cluster: ClusterDetails }) => {
  const classes = useStyles();
  const reason = cluster.imported?.lastError ?? cluster.message;
  if (cluster.phase === 'Unreachable')
    return (
      <Alert severity="error" className={classes.spaced}>
        <AlertTitle>The cluster does not answer</AlertTitle>
        Its API server does not answer with the stored kubeconfig
        {reason ? `: ${reason}` : ''}. What follows is what the last successful
        discovery found. If the credentials were rotated, detach the cluster and
        import it again with a new kubeconfig.
      </Alert>
    );
  if (cluster.phase === 'Degraded')
    return (
      <Alert severity="warning" className={classes.spaced}>
        <AlertTitle>The cluster reports problems</AlertTitle>
        {reason ?? 'Some nodes are not ready or report pressure'}; see the nodes
        below.
      </Alert>
    );
  return null;
};

/** What discovery found, in a summary and tabs. */
const InventoryView = ({ inventory }: { inventory: ClusterInventory }) => {
  const classes = useStyles();
  const [tab, setTab] = useState(0);
  const { kubernetes, nodes, helmReleases, namespaces } = inventory;
  const ready = nodes.filter(n => n.ready).length;
  return (
    <>
      <StructuredMetadataTable
        options={{ titleFormat: (key: string) => key }}
        metadata={{
          Kubernetes: `${kubernetes.version} (${kubernetes.distribution})`,
          'Git version': kubernetes.gitVersion,
          Provider:
            placementText(inventory.provider, inventory.region) || 'Unknown',
          Nodes: `${plural(nodes.length, 'node')}, ${ready} ready`,
          'Network (CNI)': inventory.cni
            ? componentText(inventory.cni)
            : 'None found',
          'Storage (CSI)': inventory.csi.length
            ? inventory.csi.map(componentText).join(', ')
            : 'None found',
          Discovered: `${formatDateTime(inventory.discoveredAt)} (${formatAge(
            inventory.discoveredAt,
          )})`,
        }}
      />
      <Tabs
        value={tab}
        onChange={(_e, next) => setTab(next)}
        indicatorColor="primary"
        className={classes.tabs}
        aria-label="Inventory"
      >
        <Tab label={`Nodes (${nodes.length})`} />
        <Tab label={`Helm releases (${helmReleases.length})`} />
        <Tab label={`Namespaces (${namespaces.length})`} />
      </Tabs>
      <div role="tabpanel" className={classes.panel}>
        {tab === 0 &&
          (nodes.length ? (
            <NodesTable nodes={nodes} />
          ) : (
            <Typography color="textSecondary" className={classes.empty}>
              No nodes found: the credentials may not allow listing nodes.
            </Typography>
          ))}
        {tab === 1 &&
          (helmReleases.length ? (
            <HelmReleasesTable releases={helmReleases} />
          ) : (
            <Typography color="textSecondary" className={classes.empty}>
              No Helm releases found. Add-ons installed otherwise (manifests,
              operators) are not listed.
            </Typography>
          ))}
        {tab === 2 && (
          <div
            className={`${classes.chips} ${classes.empty}`}
            role="list"
            aria-label="Namespaces"
          >
            {namespaces.map(ns => (
              <Chip key={ns} size="small" label={ns} role="listitem" />
            ))}
          </div>
        )}
      </div>
    </>
  );
};

/**
 * An imported cluster's inventory: Kubernetes version and distribution,
 * placement, nodes, CNI, CSI, Helm releases and namespaces, with a way to
 * discover it again now.
 */
export const InventoryCard = ({
  cluster,
  canUpdate,
}: {
  cluster: ClusterDetails;
  /** `palette.cluster.update`, which Rediscover needs. */
  canUpdate: boolean;
}) => {
  const classes = useStyles();
  const {
    inventory,
    notDiscovered,
    rediscovering,
    rediscoverFailure,
    rediscover,
  } = useInventory(cluster);
  const { value, error } = inventory;

  let body;
  if (value) body = <InventoryView inventory={value} />;
  else if (notDiscovered)
    body = (
      <div className={classes.empty}>
        {cluster.phase === 'Importing' ? (
          <>
            <Typography>
              Discovery is under way… Palette is reading the cluster's version,
              nodes, network and storage drivers, Helm releases and namespaces.
              This takes a minute.
            </Typography>
            <LinearProgress aria-label="Discovering the cluster" />
          </>
        ) : (
          <Typography color="textSecondary">
            Not discovered yet.{' '}
            {canUpdate
              ? 'Rediscover to read what the cluster runs now.'
              : 'Discovery runs with every health check.'}
          </Typography>
        )}
      </div>
    );
  else if (error)
    body = (
      <Alert severity="error">
        Could not load the inventory: {errorMessage(error)}
      </Alert>
    );
  else body = <Progress />;

  const discoverable = canChangeInPhase(cluster.phase);
  return (
    <InfoCard
      title="Inventory"
      subheader={
        value
          ? `What discovery found ${formatAge(value.discoveredAt)}`
          : 'What discovery finds on the cluster'
      }
      action={
        canUpdate && discoverable ? (
          <Button
            size="small"
            color="primary"
            startIcon={<RefreshIcon />}
            onClick={rediscover}
            disabled={rediscovering}
          >
            {rediscovering ? 'Rediscovering…' : 'Rediscover'}
          </Button>
        ) : undefined
      }
    >
      {rediscovering && (
        <LinearProgress
          aria-label="Rediscovering the cluster"
          className={classes.spaced}
        />
      )}
      {rediscoverFailure && (
        <Alert severity="error" className={classes.spaced}>
          Rediscovery failed: {rediscoverFailure}
        </Alert>
      )}
      <HealthAlert cluster={cluster} />
      {body}
    </InfoCard>
  );
};
