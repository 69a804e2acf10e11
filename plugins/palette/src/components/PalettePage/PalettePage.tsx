import {
  ContentHeader,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  SupportButton,
  TabbedLayout,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { paletteApiRef } from '../../api/PaletteApi';
import { useCanReadAudit, useCanReadFleet } from '../../hooks';
import { FleetCompliancePage, FleetCostPage } from '../fleet';
import { HealthStatus } from '../HealthStatus';
import { ClustersRouter } from '../clusters';
import { ApprovalsPage, AuditPage, GovernancePage } from '../governance';
import { ProfilesRouter } from '../profiles';
import { RolloutsRouter } from '../rollouts';
import { ManagementClustersCard } from './ManagementClustersCard';

const DATABASE_ENGINES: Record<string, string> = {
  pg: 'PostgreSQL',
  'better-sqlite3': 'SQLite',
};

/** The state of the platform the suite runs on. */
export const PlatformStatus = () => {
  const paletteApi = useApi(paletteApiRef);
  const {
    value: health,
    loading,
    error,
  } = useAsyncRetry(() => paletteApi.getHealth(), [paletteApi]);

  let body;
  if (loading) body = <Progress />;
  else if (error || !health)
    body = (
      <ResponseErrorPanel error={error ?? new Error('No health report')} />
    );
  else {
    const { database, managementClusters } = health.checks;
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <InfoCard title="Palette backend">
            <StructuredMetadataTable
              metadata={{
                Overall: <HealthStatus status={health.status} />,
                Database: <HealthStatus status={database.status} />,
                Engine: DATABASE_ENGINES[database.client] ?? database.client,
                ...(database.message ? { Problem: database.message } : {}),
              }}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <ManagementClustersCard clusters={managementClusters} />
        </Grid>
      </Grid>
    );
  }

  return (
    <>
      <ContentHeader title="Platform status">
        <SupportButton>
          Palette manages clusters on the Cluster API management clusters listed
          here. Ask the platform team if one is unavailable.
        </SupportButton>
      </ContentHeader>
      {body}
    </>
  );
};

/**
 * The Palette page: platform status at `/palette`, the fleet at
 * `/palette/clusters` (one cluster at `/palette/clusters/:name`), cluster
 * profiles at `/palette/profiles` and `/palette/profiles/:name`, rollouts at
 * `/palette/rollouts` (one at `/palette/rollouts/:id`), approvals
 * at `/palette/approvals`, fleet cost at `/palette/cost` and compliance at
 * `/palette/compliance` for those who may read the fleet, governance at `/palette/governance`, and the
 * audit log at `/palette/audit` for those who may read it.
 */
export const PalettePage = () => {
  // A link to the audit log lands there even without the permission (or
  // while it loads): the page itself says why it may not be read.
  const audit = useCanReadAudit();
  const path = useParams()['*'] ?? '';
  const onAudit = /^\/?audit(\/|$)/.test(path);
  const canReadAudit = audit.allowed || audit.loading || onAudit;
  // Fleet cost and compliance need palette.fleet.read; a link to either
  // still lands there, and the page says why it is empty.
  const fleet = useCanReadFleet();
  const onFleet = /^\/?(cost|compliance)(\/|$)/.test(path);
  const canReadFleet = fleet.allowed || onFleet;
  return (
    <Page themeId="tool">
      <Header
        title="Palette"
        subtitle="Kubernetes fleet management with Cluster Profiles on Cluster API"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Status">
          <PlatformStatus />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/clusters" title="Clusters">
          <ClustersRouter />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/profiles" title="Profiles">
          <ProfilesRouter />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/rollouts" title="Rollouts">
          <RolloutsRouter />
        </TabbedLayout.Route>
        {canReadFleet && (
          <TabbedLayout.Route path="/cost" title="Cost">
            <FleetCostPage />
          </TabbedLayout.Route>
        )}
        {canReadFleet && (
          <TabbedLayout.Route path="/compliance" title="Compliance">
            <FleetCompliancePage />
          </TabbedLayout.Route>
        )}
        <TabbedLayout.Route path="/approvals" title="Approvals">
          <ApprovalsPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/governance" title="Governance">
          <GovernancePage />
        </TabbedLayout.Route>
        {canReadAudit && (
          <TabbedLayout.Route path="/audit" title="Audit">
            <AuditPage />
          </TabbedLayout.Route>
        )}
      </TabbedLayout>
    </Page>
  );
};
