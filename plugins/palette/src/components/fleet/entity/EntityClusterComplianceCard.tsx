import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { paletteApiRef } from '../../../api/PaletteApi';
import { clusterNameOf } from '../../clusters';
import { SimpleTable } from '../../shared';
import { SEVERITIES, scoreTone } from '../compliance/severity';
import { SeverityChip } from '../compliance/SeverityChip';
import { Loading } from '../Loading';
import { useLoaded } from '../useLoaded';

/** A cluster entity's compliance score and its failing rules, worst first. */
export const EntityClusterComplianceCard = () => {
  const paletteApi = useApi(paletteApiRef);
  const name = clusterNameOf(useEntity().entity);
  const compliance = useLoaded(
    () => paletteApi.getClusterCompliance(name),
    [paletteApi, name],
  );
  return (
    <InfoCard title="Compliance">
      <Loading state={compliance}>
        {c => {
          const failing = c.findings
            .filter(f => !f.passed)
            .sort(
              (a, b) =>
                SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
            );
          return (
            <>
              <Box color={`${scoreTone(c.score)}.main`}>
                <Typography variant="h4" component="p">
                  {Math.round(c.score)} / 100
                </Typography>
              </Box>
              <Typography variant="body2" color="textSecondary" gutterBottom>
                Evaluated {new Date(c.evaluatedAt).toLocaleString()}
              </Typography>
              {failing.length === 0 ? (
                <Alert severity="success">Passes every rule.</Alert>
              ) : (
                <SimpleTable
                  label="Failing rules"
                  rows={failing}
                  rowKey={f => f.rule}
                  columns={[
                    {
                      title: 'Rule',
                      value: f => (
                        <>
                          <SeverityChip severity={f.severity} /> {f.rule}
                        </>
                      ),
                    },
                    { title: 'Reason', value: f => f.reason },
                    { title: 'Action', value: f => f.action ?? '—' },
                  ]}
                />
              )}
            </>
          );
        }}
      </Loading>
    </InfoCard>
  );
};
