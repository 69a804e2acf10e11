import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  ComplianceScoreDimension,
  paletteApiRef,
} from '../../../api/PaletteApi';
import { BarList } from '../charts';
import { groupLabel } from '../format';
import { Loading } from '../Loading';
import { useLoaded } from '../useLoaded';
import { scoreTone } from './severity';

/** Compliance scores of each team (or profile, ...), worst first. */
export const ScoresCard = ({
  by,
  title,
}: {
  by: ComplianceScoreDimension;
  title: string;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const scores = useLoaded(
    () => paletteApi.listComplianceScores(by),
    [paletteApi, by],
  );
  return (
    <InfoCard title={title}>
      <Loading state={scores}>
        {({ items }) =>
          items.length === 0 ? (
            <Typography color="textSecondary">No scores yet.</Typography>
          ) : (
            <BarList
              label={title}
              max={100}
              bars={[...items]
                .sort((a, b) => a.score - b.score)
                .map(g => ({
                  key: g.key,
                  label: groupLabel(g.key),
                  value: g.score,
                  tone: scoreTone(g.score),
                  valueText: `${Math.round(g.score)} · ${g.failing} of ${
                    g.clusters
                  } failing`,
                }))}
            />
          )
        }
      </Loading>
    </InfoCard>
  );
};
