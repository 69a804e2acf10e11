import { ContentHeader, SupportButton } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { paletteApiRef } from '../../../api/PaletteApi';
import { ExportCsvButton } from '../ExportCsvButton';
import { FleetGate } from '../FleetGate';
import { Loading } from '../Loading';
import { NoClusters } from '../NoClusters';
import { useLoaded } from '../useLoaded';
import { ComplianceOverview } from './ComplianceOverview';
import { RulesCard } from './RulesCard';
import { ScoresCard } from './ScoresCard';

const FleetCompliance = () => {
  const paletteApi = useApi(paletteApiRef);
  const summary = useLoaded(
    () => paletteApi.getComplianceSummary(),
    [paletteApi],
  );
  const rules = useLoaded(() => paletteApi.listComplianceRules(), [paletteApi]);
  return (
    <>
      <ContentHeader title="Fleet compliance">
        <ExportCsvButton
          what="fleet compliance"
          load={() => paletteApi.exportCompliance()}
        />
        <SupportButton>
          Palette evaluates every cluster against its rules (supported
          Kubernetes, current profile, no drift, required add-ons, scans...) and
          weights failures by severity into a score from 0 to 100.
        </SupportButton>
      </ContentHeader>
      <Loading state={summary}>
        {s =>
          s.clusters === 0 ? (
            <NoClusters what="Fleet compliance" />
          ) : (
            <Grid container spacing={3}>
              <Grid item xs={12}>
                <ComplianceOverview summary={s} />
              </Grid>
              <Grid item xs={12} md={6}>
                <ScoresCard by="team" title="Scores by team" />
              </Grid>
              <Grid item xs={12} md={6}>
                <ScoresCard by="profile" title="Scores by profile" />
              </Grid>
              <Grid item xs={12}>
                <Loading state={rules}>
                  {({ items }) => <RulesCard rules={items} />}
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
 * Fleet compliance at `/palette/compliance`: the fleet's score and trend,
 * failures by severity, scores by team and profile, and every rule with
 * the clusters failing it. Needs `palette.fleet.read`.
 */
export const FleetCompliancePage = () => (
  <FleetGate what="fleet compliance">
    <FleetCompliance />
  </FleetGate>
);
