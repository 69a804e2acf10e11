import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { CostBreakdown } from '@palette-backstage/plugin-palette-common';
import { BarList } from '../charts';
import { DIMENSION_LABELS, formatMoney, groupLabel } from '../format';

/** How many movers the card lists. */
const MOVERS = 5;

/** The groups whose spend changed most since the previous period. */
export const TopMoversCard = ({ breakdown }: { breakdown: CostBreakdown }) => {
  const money = (v: number) => formatMoney(v, breakdown.currency);
  const movers = breakdown.items
    .map(g => ({ ...g, delta: g.cost - g.previousCost }))
    .filter(g => Math.abs(g.delta) >= 0.01)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, MOVERS);
  return (
    <InfoCard
      title="Top movers"
      subheader={`${
        DIMENSION_LABELS[breakdown.by]
      } spend against the previous period`}
    >
      {movers.length === 0 ? (
        <Typography color="textSecondary">
          Spend did not change since the previous period.
        </Typography>
      ) : (
        <BarList
          label="Top movers"
          formatValue={money}
          bars={movers.map(g => ({
            key: g.key,
            label: groupLabel(g.key),
            value: Math.abs(g.delta),
            tone: g.delta > 0 ? 'error' : 'success',
            valueText: `${g.delta > 0 ? '+' : '−'}${money(Math.abs(g.delta))}`,
          }))}
        />
      )}
    </InfoCard>
  );
};
