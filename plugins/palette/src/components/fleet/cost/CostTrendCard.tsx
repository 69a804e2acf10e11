import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { CostDimension } from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { SelectField } from '../../shared';
import { ColumnChart } from '../charts';
import { formatMoney, PresetRange } from '../format';
import { Loading } from '../Loading';
import { useLoaded } from '../useLoaded';
import { NoCostHistory } from './NoCostHistory';

const STACKS: Array<{ value: '' | CostDimension; label: string }> = [
  { value: '', label: 'Total' },
  { value: 'team', label: 'By team' },
  { value: 'provider', label: 'By provider' },
];

/** Spend per day (or month), optionally stacked by team or provider. */
export const CostTrendCard = ({ range }: { range: PresetRange }) => {
  const paletteApi = useApi(paletteApiRef);
  const [stack, setStack] = useState<'' | CostDimension>('');
  const trend = useLoaded(
    () =>
      paletteApi.getFleetCostTrend({
        ...range,
        groupBy: stack || undefined,
      }),
    [paletteApi, range.from, range.to, range.granularity, stack],
  );
  return (
    <InfoCard
      title="Spend over time"
      subheader={range.granularity === 'day' ? 'Per day' : 'Per month'}
      action={
        <SelectField
          id="fleet-cost-split"
          label="Split"
          value={stack}
          options={STACKS}
          onChange={e => setStack(e.target.value as '' | CostDimension)}
        />
      }
    >
      <Loading state={trend}>
        {value =>
          value.points.length === 0 ? (
            <NoCostHistory />
          ) : (
            <ColumnChart
              label="Spend over time"
              formatValue={v => formatMoney(v, value.currency)}
              columns={value.points.map(p => ({
                label: p.period,
                value: p.cost,
                parts: p.groups,
              }))}
            />
          )
        }
      </Loading>
    </InfoCard>
  );
};
