import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { paletteApiRef } from '../../../api/PaletteApi';
import { clusterNameOf } from '../../clusters';
import { LineChart } from '../charts';
import { formatMoney } from '../format';
import { Loading } from '../Loading';
import { useLoaded } from '../useLoaded';

/** A cluster entity's run-rate, month to date, and last 30 days of spend. */
export const EntityClusterCostCard = () => {
  const paletteApi = useApi(paletteApiRef);
  const name = clusterNameOf(useEntity().entity);
  const cost = useLoaded(
    () => paletteApi.getClusterCost(name),
    [paletteApi, name],
  );
  return (
    <InfoCard title="Cluster cost">
      <Loading state={cost}>
        {c => {
          const money = (v: number) => formatMoney(v, c.currency);
          return (
            <>
              <StructuredMetadataTable
                options={{ titleFormat: (key: string) => key }}
                metadata={{
                  'Run-rate': `${money(c.runRate.monthly)}/mo (${money(
                    c.runRate.hourly,
                  )}/h)`,
                  'Month to date': money(c.monthToDate),
                  Lifetime: money(c.lifetime),
                }}
              />
              {c.daily.length > 1 ? (
                <LineChart
                  label="Daily cost over the last 30 days"
                  height={48}
                  formatValue={money}
                  points={c.daily.map(d => ({ label: d.day, value: d.cost }))}
                />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  The 30-day trend appears after two days of hourly cost
                  snapshots.
                </Typography>
              )}
            </>
          );
        }}
      </Loading>
    </InfoCard>
  );
};
