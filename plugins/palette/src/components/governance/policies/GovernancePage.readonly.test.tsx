import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../../clusters/__testUtils__/fixtures';
import { policy, quota, usage } from '../__testUtils__/fixtures';
import { GovernancePage } from './GovernancePage';

// Apart from GovernancePage.test: permission decisions are cached per test file.
describe('GovernancePage without palette.policy.manage', () => {
  it('shows policies and quotas without edit controls', async () => {
    const api = fakeClusterApi({
      listPolicies: async () => ({ items: [policy()] }),
      listQuotas: async () => ({ items: [quota()] }),
      listUsage: async () => ({ items: [usage()] }),
    });
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <GovernancePage />
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES },
    );
    const policies = within(
      await screen.findByRole('table', { name: 'Governance policies' }),
    );
    expect(policies.getByText('by platform-team')).toBeInTheDocument();
    const quotas = within(
      await screen.findByRole('table', { name: 'Team quotas and usage' }),
    );
    expect(
      quotas.getByRole('progressbar', { name: '3 of 5 clusters' }),
    ).toBeInTheDocument();
    expect(
      policies.queryByRole('columnheader', { name: 'Actions' }),
    ).toBeNull();
    expect(quotas.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New policy' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New quota' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
  });

  it('says who sets policies when there are none', async () => {
    await renderInTestApp(
      <Apis api={fakeClusterApi()} allowed={[]}>
        <GovernancePage />
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES },
    );
    expect(
      await screen.findByText(/The platform team sets policies/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/the platform team sets quotas/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New policy' })).toBeNull();
  });
});
