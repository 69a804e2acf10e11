import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import {
  StoredTeamQuota,
  TeamQuota,
  TeamUsage,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { usePolledValue } from '../../../hooks';
import { ConfirmDialog } from '../../profiles/ConfirmDialog';
import { humanizeOwner } from '../../profiles/utils';
import { SimpleColumn, SimpleTable } from '../../shared';
import { formatCost } from '../format';
import { QuotaDialog } from './QuotaDialog';
import { UsageBar } from './UsageBar';

/** A team's quota (when it has one) and what it uses now. */
export interface TeamRow {
  team: string;
  quota?: StoredTeamQuota | TeamQuota;
  usage: Pick<TeamUsage, 'clusters' | 'nodes' | 'vcpus' | 'monthlyCost'>;
}

const NO_USAGE = { clusters: 0, nodes: 0, vcpus: 0, monthlyCost: 0 };

/** Every team with a quota or clusters, by name: quotas joined with usage. */
export function teamRows(
  quotas: StoredTeamQuota[],
  usage: TeamUsage[],
): TeamRow[] {
  const rows = new Map<string, TeamRow>();
  const key = (team: string) => team.toLocaleLowerCase('en-US');
  for (const u of usage)
    rows.set(key(u.team), { team: u.team, quota: u.quota, usage: u });
  for (const q of quotas) {
    const row = rows.get(key(q.team));
    rows.set(key(q.team), {
      team: q.team,
      quota: q,
      usage: row?.usage ?? NO_USAGE,
    });
  }
  return [...rows.values()].sort((a, b) => a.team.localeCompare(b.team));
}

/**
 * Each team's usage against its quota as small bars (clusters, nodes,
 * vCPUs, monthly cost against budget); setting and removing quotas for
 * those who may manage policies.
 */
export const QuotasCard = ({ canManage }: { canManage: boolean }) => {
  const paletteApi = useApi(paletteApiRef);
  const { value, error, refresh } = usePolledValue(
    async () => {
      const [quotas, usage] = await Promise.all([
        paletteApi.listQuotas(),
        paletteApi.listUsage(),
      ]);
      return teamRows(quotas.items, usage.items);
    },
    [paletteApi],
    () => undefined,
  );
  const [editing, setEditing] = useState<{ quota?: TeamQuota }>();
  const [deleting, setDeleting] = useState<string>();

  const columns: SimpleColumn<TeamRow>[] = [
    { title: 'Team', value: r => humanizeOwner(r.team) },
    {
      title: 'Clusters',
      value: r => (
        <UsageBar
          used={r.usage.clusters}
          limit={r.quota?.maxClusters}
          unit="clusters"
        />
      ),
    },
    {
      title: 'Nodes',
      value: r => (
        <UsageBar used={r.usage.nodes} limit={r.quota?.maxNodes} unit="nodes" />
      ),
    },
    {
      title: 'vCPUs',
      value: r => (
        <UsageBar used={r.usage.vcpus} limit={r.quota?.maxVcpus} unit="vCPUs" />
      ),
    },
    {
      title: 'Monthly cost',
      value: r => (
        <UsageBar
          used={r.usage.monthlyCost}
          limit={r.quota?.monthlyBudget}
          unit="a month"
          format={formatCost}
        />
      ),
    },
    ...(canManage
      ? [
          {
            title: 'Actions',
            value: (r: TeamRow) => {
              const team = humanizeOwner(r.team);
              return (
                <>
                  <IconButton
                    size="small"
                    aria-label={
                      r.quota
                        ? `Edit the quota of ${team}`
                        : `Set a quota for ${team}`
                    }
                    onClick={() =>
                      setEditing({ quota: r.quota ?? { team: r.team } })
                    }
                  >
                    <EditIcon fontSize="small" />
                  </IconButton>
                  {r.quota && (
                    <IconButton
                      size="small"
                      aria-label={`Remove the quota of ${team}`}
                      onClick={() => setDeleting(r.team)}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  )}
                </>
              );
            },
          },
        ]
      : []),
  ];

  const newButton = canManage && (
    <Button
      color="primary"
      variant="contained"
      startIcon={<AddIcon />}
      onClick={() => setEditing({})}
    >
      New quota
    </Button>
  );

  let body;
  if (!value)
    body = error ? <ResponseErrorPanel error={error} /> : <Progress />;
  else if (!value.length)
    body = (
      <EmptyState
        missing="data"
        title="No team has a quota or clusters yet"
        description={
          canManage
            ? 'Set a quota to cap how many clusters, nodes and vCPUs a team runs and what they may cost a month.'
            : 'Teams appear here with their usage once they run clusters; the platform team sets quotas.'
        }
        action={newButton || undefined}
      />
    );
  else
    body = (
      <>
        {error && <ResponseErrorPanel error={error} title="Refresh failed" />}
        <SimpleTable
          label="Team quotas and usage"
          columns={columns}
          rows={value}
          rowKey={r => r.team}
        />
      </>
    );

  return (
    <InfoCard
      title="Team quotas and usage"
      subheader="What each team runs now against its limits; cost is estimated at list prices"
      action={value?.length ? newButton || undefined : undefined}
    >
      {body}
      {editing && (
        <QuotaDialog
          quota={editing.quota}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            refresh();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          open
          title={`Remove the quota of ${humanizeOwner(deleting)}?`}
          confirmLabel="Remove quota"
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await paletteApi.deleteQuota(deleting);
            refresh();
          }}
        >
          <Typography>
            The team then has no limits: requests are no longer refused for its
            cluster count, nodes, vCPUs or budget.
          </Typography>
        </ConfirmDialog>
      )}
    </InfoCard>
  );
};
