import { ContentHeader, SupportButton } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import { CostDimension } from '@palette-backstage/plugin-palette-common';
import { useMemo, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { SelectField } from '../../shared';
import { ExportCsvButton } from '../ExportCsvButton';
import { FleetGate } from '../FleetGate';
import { RANGE_PRESETS, RangePreset, rangeOf } from '../format';
import { Loading } from '../Loading';
import { NoClusters } from '../NoClusters';
import { useLoaded } from '../useLoaded';
import { BudgetsCard } from './BudgetsCard';
import { CostBreakdownCard } from './CostBreakdownCard';
import { CostSummary } from './CostSummary';
import { CostTrendCard } from './CostTrendCard';
import { TopMoversCard } from './TopMoversCard';

const useStyles = makeStyles(theme => ({
  tools: { display: 'flex', alignItems: 'flex-end', gap: theme.spacing(2) },
  range: { minWidth: 180 },
}));

const FleetCost = () => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const [preset, setPreset] = useState<RangePreset>('month');
  const [dimension, setDimension] = useState<CostDimension>('team');
  const range = useMemo(() => rangeOf(preset), [preset]);
  const { from, to } = range;
  const summary = useLoaded(
    () => paletteApi.getFleetCostSummary({ from, to }),
    [paletteApi, from, to],
  );
  const breakdown = useLoaded(
    () => paletteApi.getFleetCostBreakdown({ by: dimension, from, to }),
    [paletteApi, dimension, from, to],
  );
  const rangeLabel =
    RANGE_PRESETS.find(p => p.value === preset)?.label ?? preset;

  return (
    <>
      <ContentHeader title="Fleet cost">
        <div className={classes.tools}>
          <SelectField
            className={classes.range}
            id="fleet-cost-range"
            label="Range"
            value={preset}
            options={RANGE_PRESETS}
            onChange={e => setPreset(e.target.value as RangePreset)}
          />
          <ExportCsvButton
            what="fleet cost"
            load={() => paletteApi.exportFleetCost({ by: dimension, from, to })}
          />
          <SupportButton>
            Cost is estimated from each cluster's nodes and the price model,
            recorded hourly. Budgets are set per team by the platform team.
          </SupportButton>
        </div>
      </ContentHeader>
      <Loading state={summary}>
        {s =>
          s.clusters.live + s.clusters.deleted === 0 ? (
            <NoClusters what="Fleet cost" />
          ) : (
            <Grid container spacing={3}>
              <Grid item xs={12}>
                <CostSummary summary={s} rangeLabel={rangeLabel} />
              </Grid>
              <Grid item xs={12} lg={8}>
                <CostTrendCard range={range} />
              </Grid>
              <Grid item xs={12} lg={4}>
                <BudgetsCard currency={s.currency} />
              </Grid>
              <Grid item xs={12} lg={8}>
                <Loading state={breakdown}>
                  {b => (
                    <CostBreakdownCard
                      dimension={dimension}
                      onDimension={setDimension}
                      breakdown={b}
                    />
                  )}
                </Loading>
              </Grid>
              <Grid item xs={12} lg={4}>
                <Loading state={breakdown}>
                  {b => <TopMoversCard breakdown={b} />}
                </Loading>
              </Grid>
            </Grid>
          )
        }
      </Loading>
    </>
  );
};

/**
 * Fleet cost at `/palette/cost`: spend in a range with its trend, run-rate
 * and forecast, spend over time, breakdowns, budgets and top movers, with
 * a CSV export. Needs `palette.fleet.read`.
 */
export const FleetCostPage = () => (
  <FleetGate what="fleet cost">
    <FleetCost />
  </FleetGate>
);
