import { useApi } from '@backstage/core-plugin-api';
import {
  StoredTeamQuota,
  TeamQuota,
  TeamUsage,
} from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../../api/PaletteApi';
import { usePolledValue } from '../../../hooks';
import { humanizeOwner } from '../../profiles/utils';
import {
  DeleteIconButton,
  EditIconButton,
  ListCard,
  SimpleColumn,
} from '../../shared';
import { formatCost } from '../format';
import { QuotaDialog } from './QuotaDialog';
import { QuotaLimit } from './quotaForm';
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

/** A column with a team's usage against one limit of its quota. */
const usageColumn = (
  title: string,
  usage: keyof TeamRow['usage'],
  limit: QuotaLimit,
  unit: string,
  format?: (n: number) => string,
): SimpleColumn<TeamRow> => ({
  title,
  value: r => (
    <UsageBar
      used={r.usage[usage]}
      limit={r.quota?.[limit]}
      unit={unit}
      format={format}
    />
  ),
});

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

  const columns: SimpleColumn<TeamRow>[] = [
    { title: 'Team', value: r => humanizeOwner(r.team) },
    usageColumn('Clusters', 'clusters', 'maxClusters', 'clusters'),
    usageColumn('Nodes', 'nodes', 'maxNodes', 'nodes'),
    usageColumn('vCPUs', 'vcpus', 'maxVcpus', 'vCPUs'),
    usageColumn(
      'Monthly cost',
      'monthlyCost',
      'monthlyBudget',
      'a month',
      formatCost,
    ),
  ];

  return (
    <ListCard<TeamRow, TeamQuota>
      title="Team quotas and usage"
      subheader="What each team runs now against its limits; cost is estimated at list prices"
      value={value}
      error={error}
      emptyTitle="No team has a quota or clusters yet"
      emptyDescription={
        canManage
          ? 'Set a quota to cap how many clusters, nodes and vCPUs a team runs and what they may cost a month.'
          : 'Teams appear here with their usage once they run clusters; the platform team sets quotas.'
      }
      label="Team quotas and usage"
      columns={columns}
      rowKey={r => r.team}
      canManage={canManage}
      newLabel="New quota"
      actions={(r, { edit, remove }) => {
        const team = humanizeOwner(r.team);
        return (
          <>
            <EditIconButton
              label={
                r.quota
                  ? `Edit the quota of ${team}`
                  : `Set a quota for ${team}`
              }
              onClick={() => edit(r.quota ?? { team: r.team })}
            />
            {r.quota && (
              <DeleteIconButton
                label={`Remove the quota of ${team}`}
                onClick={remove}
              />
            )}
          </>
        );
      }}
      editor={(quota, done) => <QuotaDialog quota={quota} {...done} />}
      removal={r => ({
        title: `Remove the quota of ${humanizeOwner(r.team)}?`,
        confirmLabel: 'Remove quota',
        text: 'The team then has no limits: requests are no longer refused for its cluster count, nodes, vCPUs or budget.',
        remove: () => paletteApi.deleteQuota(r.team),
      })}
      onChanged={refresh}
    />
  );
};
