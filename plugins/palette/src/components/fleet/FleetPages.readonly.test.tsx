import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Apis } from '../profiles/__testUtils__/fixtures';
import { MOUNTED_ROUTES } from '../clusters/__testUtils__/fixtures';
import { fakeFleetApi } from './__testUtils__/fixtures';
import { FleetCompliancePage, FleetCostPage } from '.';

// Apart from the other tests: permission decisions are cached per file.
describe('fleet pages without palette.fleet.read', () => {
  it('explain the permission on the cost page and ask nothing', async () => {
    const api = fakeFleetApi();
    await renderInTestApp(
      <Apis api={api} allowed={['palette.cluster.read']}>
        <FleetCostPage />
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES },
    );
    expect(
      await screen.findByText(/You may not read fleet cost/),
    ).toBeInTheDocument();
    expect(api.getFleetCostSummary).not.toHaveBeenCalled();
    expect(api.getFleetCostBreakdown).not.toHaveBeenCalled();
  });

  it('explain the permission on the compliance page and ask nothing', async () => {
    const api = fakeFleetApi();
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <FleetCompliancePage />
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES },
    );
    expect(
      await screen.findByText(/You may not read fleet compliance/),
    ).toBeInTheDocument();
    expect(api.getComplianceSummary).not.toHaveBeenCalled();
  });
});
