import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  CostBreakdown,
  CostDimension,
  CostGroup,
} from '@palette-backstage/plugin-palette-common';
import { clusterRouteRef } from '../../../routes';
import { SimpleColumn, SimpleTable } from '../../shared';
import { BarList } from '../charts';
import { DIMENSION_LABELS, formatMoney, groupLabel } from '../format';
import { Trend } from '../Trend';

/** The dimensions the breakdown offers, in tab order. */
export const BREAKDOWN_DIMENSIONS: CostDimension[] = [
  'team',
  'project',
  'provider',
  'profile',
  'cluster',
];

/** How many groups the bars show; the table shows them all. */
const TOP_BARS = 10;

/**
 * Spend grouped by team, project, provider, profile or cluster: the largest
 * as bars, all in a table with the change from the previous period. A
 * cluster opens its page.
 */
export const CostBreakdownCard = ({
  dimension,
  onDimension,
  breakdown,
}: {
  dimension: CostDimension;
  onDimension: (dimension: CostDimension) => void;
  breakdown: CostBreakdown;
}) => {
  const clusterLink = useRouteRef(clusterRouteRef);
  const money = (v: number) => formatMoney(v, breakdown.currency);
  const name = (g: CostGroup) =>
    dimension === 'cluster' ? (
      <Link to={clusterLink({ name: g.key })}>{g.key}</Link>
    ) : (
      groupLabel(g.key)
    );
  const columns: SimpleColumn<CostGroup>[] = [
    { title: DIMENSION_LABELS[dimension], value: name },
    ...(dimension === 'cluster'
      ? []
      : [{ title: 'Clusters', value: (g: CostGroup) => g.clusters }]),
    { title: 'Spend', value: g => money(g.cost) },
    { title: 'Previous period', value: g => money(g.previousCost) },
    {
      title: 'Change',
      value: g => <Trend current={g.cost} previous={g.previousCost} vs="" />,
    },
  ];
  return (
    <InfoCard title="Breakdown" noPadding>
      <Tabs
        value={dimension}
        onChange={(_e, d) => onDimension(d)}
        indicatorColor="primary"
        variant="scrollable"
      >
        {BREAKDOWN_DIMENSIONS.map(d => (
          <Tab key={d} value={d} label={DIMENSION_LABELS[d]} />
        ))}
      </Tabs>
      <Grid container spacing={2} style={{ padding: 16 }}>
        <Grid item xs={12} md={5}>
          <BarList
            label={`Spend by ${DIMENSION_LABELS[dimension].toLowerCase()}`}
            formatValue={money}
            bars={breakdown.items.slice(0, TOP_BARS).map(g => ({
              key: g.key,
              label: groupLabel(g.key),
              value: g.cost,
            }))}
          />
        </Grid>
        <Grid item xs={12} md={7}>
          <SimpleTable
            label={`Spend by ${DIMENSION_LABELS[
              dimension
            ].toLowerCase()} table`}
            columns={columns}
            rows={breakdown.items}
            rowKey={g => g.key}
          />
        </Grid>
      </Grid>
    </InfoCard>
  );
};
