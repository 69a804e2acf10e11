import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ComplianceSummary } from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../../api/PaletteApi';
import { BarList, LineChart } from '../charts';
import { rangeOf } from '../format';
import { Loading } from '../Loading';
import { Stat } from '../Stat';
import { Trend } from '../Trend';
import { useLoaded } from '../useLoaded';
import { SEVERITIES, SEVERITY_TONES } from './severity';

/** The fleet's score with its trend, its last 90 days, and failures by severity. */
export const ComplianceOverview = ({
  summary,
}: {
  summary: ComplianceSummary;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const { from, to } = rangeOf('90d');
  const trend = useLoaded(
    () => paletteApi.getComplianceTrend({ from, to }),
    [paletteApi, from, to],
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={3}>
        <Stat title="Fleet score" value={`${Math.round(summary.score)} / 100`}>
          <Trend
            current={summary.score}
            previous={summary.previousScore}
            upIsGood
          />
          <Typography variant="body2" color="textSecondary">
            {summary.compliantClusters} of {summary.clusters} clusters pass
            every rule
          </Typography>
        </Stat>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Score over 90 days">
          <Loading state={trend}>
            {({ points }) =>
              points.length < 2 ? (
                <Typography color="textSecondary">
                  The trend appears once the fleet has been evaluated on two
                  days; Palette evaluates every cluster daily.
                </Typography>
              ) : (
                <LineChart
                  label="Fleet score over 90 days"
                  max={100}
                  points={points.map(p => ({ label: p.day, value: p.score }))}
                />
              )
            }
          </Loading>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Failing by severity">
          <BarList
            label="Failing by severity"
            bars={SEVERITIES.map(s => ({
              key: s,
              label: s,
              value: summary.failingBySeverity[s] ?? 0,
              tone: SEVERITY_TONES[s],
            }))}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
};
