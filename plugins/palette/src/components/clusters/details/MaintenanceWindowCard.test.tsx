import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Apis } from '../../profiles/__testUtils__/fixtures';
import { fakeClusterApi } from '../__testUtils__/fixtures';
import { MaintenanceWindowCard } from './MaintenanceWindowCard';

describe('MaintenanceWindowCard', () => {
  it('describes the window that applies, and lets those who may update set another', async () => {
    const user = userEvent.setup({ delay: null });
    const window = { cron: '0 2 * * 6', durationMinutes: 240 };
    const api = fakeClusterApi({
      getClusterMaintenanceWindow: async () => ({
        window: null,
        environmentWindow: window,
        open: false,
        nextOpening: '2026-11-28T02:00:00Z',
      }),
      setClusterMaintenanceWindow: async (_name, next) => ({
        window: next,
        environmentWindow: window,
        open: true,
      }),
    });
    await renderInTestApp(
      <Apis api={api}>
        <MaintenanceWindowCard name="dev-eks-01" canUpdate />
      </Apis>,
    );
    expect(
      await screen.findByText('Saturdays at 02:00 UTC, for 4 h'),
    ).toBeInTheDocument();
    expect(api.getClusterMaintenanceWindow).toHaveBeenCalledWith('dev-eks-01');
    expect(
      screen.getByText(
        /Its environment's default window. Closed; next opens 28 Nov 2026/,
      ),
    ).toBeInTheDocument();
    // The environment's window is not the cluster's to clear.
    expect(
      screen.queryByRole('button', { name: 'Clear' }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Set window' }));
    const form = within(
      screen.getByRole('form', { name: 'Maintenance window' }),
    );
    await user.clear(form.getByLabelText(/^Opens at/));
    await user.type(form.getByLabelText(/^Opens at/), '30 22 * * 1-5');
    await user.clear(form.getByLabelText(/^Open for/));
    await user.type(form.getByLabelText(/^Open for/), '5');
    await user.type(form.getByLabelText('Time zone'), 'Europe/Paris');
    await user.click(form.getByRole('button', { name: 'Save window' }));
    // 5 minutes is below the contract's 15.
    expect(api.setClusterMaintenanceWindow).not.toHaveBeenCalled();
    await user.clear(form.getByLabelText(/^Open for/));
    await user.type(form.getByLabelText(/^Open for/), '90');
    await user.click(form.getByRole('button', { name: 'Save window' }));
    await waitFor(() =>
      expect(api.setClusterMaintenanceWindow).toHaveBeenCalledWith(
        'dev-eks-01',
        {
          cron: '30 22 * * 1-5',
          durationMinutes: 90,
          timeZone: 'Europe/Paris',
        },
      ),
    );
  });

  it('clears the window once confirmed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeClusterApi({
      getClusterMaintenanceWindow: async () => ({
        window: { cron: '0 3 * * *', durationMinutes: 60 },
        environmentWindow: null,
        open: true,
      }),
      setClusterMaintenanceWindow: async () => ({
        window: null,
        environmentWindow: null,
        open: true,
      }),
    });
    await renderInTestApp(
      <Apis api={api}>
        <MaintenanceWindowCard name="dev-eks-01" canUpdate />
      </Apis>,
    );
    expect(
      await screen.findByText("The cluster's own window. Open now."),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Clear window',
      }),
    );
    expect(api.setClusterMaintenanceWindow).toHaveBeenCalledWith(
      'dev-eks-01',
      null,
    );
  });

  it('only shows the window to those who may not update the cluster', async () => {
    const api = fakeClusterApi();
    await renderInTestApp(
      <Apis api={api}>
        <MaintenanceWindowCard name="dev-eks-01" canUpdate={false} />
      </Apis>,
    );
    expect(
      await screen.findByText(/No maintenance window: rollouts may update/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
