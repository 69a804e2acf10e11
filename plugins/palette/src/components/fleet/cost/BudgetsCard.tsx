import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { BudgetStatus } from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../../api/PaletteApi';
import { BarList } from '../charts';
import { formatMoney, groupLabel, monthOf } from '../format';
import { Loading } from '../Loading';
import { useLoaded } from '../useLoaded';

const toneOf = (b: BudgetStatus) => {
  if (b.overBudget) return 'error' as const;
  if (b.atRisk) return 'warning' as const;
  return undefined;
};

/**
 * Each team's spend this month against its budget: spent so far, the
 * forecast beyond it, and the budget as a line. Over budget and at risk
 * (forecast over budget) stand out.
 */
export const BudgetsCard = ({ currency }: { currency: string }) => {
  const paletteApi = useApi(paletteApiRef);
  const month = monthOf();
  const budgets = useLoaded(
    () => paletteApi.listBudgets(month),
    [paletteApi, month],
  );
  const money = (v: number) => formatMoney(v, currency);
  return (
    <InfoCard
      title="Budgets"
      subheader={`Team spend in ${month}: so far, forecast (lighter) and budget (line)`}
    >
      <Loading state={budgets}>
        {({ items }) =>
          items.length === 0 ? (
            <Typography color="textSecondary">
              No team has spent anything this month yet.
            </Typography>
          ) : (
            <BarList
              label="Spend against budget"
              formatValue={money}
              bars={items.map(b => ({
                key: b.team,
                label: groupLabel(b.team),
                value: b.monthToDate,
                extra: Math.max(0, b.forecast - b.monthToDate),
                marker: b.budget,
                tone: toneOf(b),
                valueText: (
                  <>
                    {money(b.monthToDate)}
                    {b.budget !== undefined
                      ? ` of ${money(b.budget)}`
                      : ''}{' '}
                    {b.overBudget && (
                      <Chip
                        size="small"
                        label="Over budget"
                        color="secondary"
                      />
                    )}
                    {!b.overBudget && b.atRisk && (
                      <Chip size="small" label="At risk" variant="outlined" />
                    )}
                  </>
                ),
              }))}
            />
          )
        }
      </Loading>
    </InfoCard>
  );
};
