import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { FleetCostSummary } from '@palette-backstage/plugin-palette-common';
import { formatMoney } from '../format';
import { Stat } from '../Stat';
import { Trend } from '../Trend';

/** Spend in the range with its trend, the run-rate, and this month so far. */
export const CostSummary = ({
  summary,
  rangeLabel,
}: {
  summary: FleetCostSummary;
  rangeLabel: string;
}) => {
  const money = (v: number) => formatMoney(v, summary.currency);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <Stat title={`Spend · ${rangeLabel}`} value={money(summary.total)}>
          <Trend current={summary.total} previous={summary.previousTotal} />
        </Stat>
      </Grid>
      <Grid item xs={12} md={4}>
        <Stat title="Run-rate" value={`${money(summary.runRate.monthly)}/mo`}>
          <Typography variant="body2" color="textSecondary">
            {money(summary.runRate.hourly)}/h across {summary.clusters.live}{' '}
            live cluster{summary.clusters.live === 1 ? '' : 's'}
          </Typography>
        </Stat>
      </Grid>
      <Grid item xs={12} md={4}>
        <Stat title="Month to date" value={money(summary.monthToDate)}>
          <Typography variant="body2" color="textSecondary">
            Forecast {money(summary.forecastMonth)} by month end at the current
            run-rate
          </Typography>
        </Stat>
      </Grid>
    </Grid>
  );
};
