import { ContentHeader, SupportButton } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useCanManagePolicies } from '../../../hooks';
import { PoliciesCard } from './PoliciesCard';
import { QuotasCard } from './QuotasCard';

/**
 * Governance: the policies that say what may be requested where (and who
 * approves), and each team's quota with its usage. Everyone signed in sees
 * them; only `palette.policy.manage` changes them.
 */
export const GovernancePage = () => {
  const { allowed: canManage } = useCanManagePolicies();
  return (
    <>
      <ContentHeader
        title="Governance"
        description="Policies per project and environment, and team quotas"
      >
        <SupportButton>
          Every cluster request is checked against the most specific policy for
          its project and environment and against its team&apos;s quota.
          Requests that break a rule are refused with the reason; those a policy
          sends for approval wait until an approver decides.
        </SupportButton>
      </ContentHeader>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <PoliciesCard canManage={canManage} />
        </Grid>
        <Grid item xs={12}>
          <QuotasCard canManage={canManage} />
        </Grid>
      </Grid>
    </>
  );
};
