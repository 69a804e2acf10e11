import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Apis, fakePaletteApi } from '../../profiles/__testUtils__/fixtures';
import { auditEvent } from '../__testUtils__/fixtures';
import { AuditPage } from './AuditPage';
import { toAuditQuery } from './auditQuery';

const events = [
  auditEvent(),
  auditEvent({
    id: '43',
    occurredAt: '2026-10-07T10:00:00Z',
    actor: 'user:default/bob',
    action: 'cluster.approval.approve',
    target: 'cluster:prod-eks-01',
    before: { approval: { state: 'Pending' } },
    after: { approval: { state: 'Approved' } },
  }),
];

describe('AuditPage', () => {
  it('lists audit events and expands one to its before and after', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({ listAudit: async () => ({ items: events }) });
    await renderInTestApp(
      <Apis api={api}>
        <AuditPage />
      </Apis>,
    );
    const table = within(
      await screen.findByRole('table', { name: 'Audit events' }),
    );
    expect(table.getByText('profile.publish')).toBeInTheDocument();
    expect(table.getByText('profile:aws-infra@1.1.0')).toBeInTheDocument();
    expect(table.getByText('cluster.approval.approve')).toBeInTheDocument();
    expect(table.getByText('bob')).toBeInTheDocument();
    expect(api.listAudit).toHaveBeenCalledWith({ limit: 100 });

    const toggle = table.getByRole('button', {
      name: 'Show the changes of cluster.approval.approve on cluster:prod-eks-01',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(
      table.getByLabelText('Before cluster:prod-eks-01'),
    ).toHaveTextContent('"state": "Pending"');
    expect(table.getByLabelText('After cluster:prod-eks-01')).toHaveTextContent(
      '"state": "Approved"',
    );
    await user.click(
      table.getByRole('button', {
        name: 'Hide the changes of cluster.approval.approve on cluster:prod-eks-01',
      }),
    );
    expect(table.queryByLabelText('Before cluster:prod-eks-01')).toBeNull();
  });

  it('filters on the server by actor, target prefix, action, days and limit', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({ listAudit: async () => ({ items: events }) });
    await renderInTestApp(
      <Apis api={api}>
        <AuditPage />
      </Apis>,
    );
    await screen.findByRole('table', { name: 'Audit events' });
    await user.type(screen.getByLabelText('Actor'), 'user:default/bob');
    await user.type(
      screen.getByLabelText('Target starts with'),
      'cluster:prod',
    );
    await user.type(
      screen.getByLabelText('Action'),
      'cluster.approval.approve',
    );
    await user.type(screen.getByLabelText('From'), '2026-10-01');
    await user.type(screen.getByLabelText('To'), '2026-10-31');
    await user.selectOptions(screen.getByLabelText('Show at most'), '500');
    const expected = toAuditQuery(
      {
        actor: 'user:default/bob',
        target: 'cluster:prod',
        action: 'cluster.approval.approve',
        from: '2026-10-01',
        to: '2026-10-31',
      },
      500,
    );
    await waitFor(() =>
      expect(api.listAudit).toHaveBeenLastCalledWith(expected),
    );
    // Whole local days, as ISO timestamps.
    expect(new Date(expected.from!).getDate()).toBe(1);
    expect(new Date(expected.to!).getHours()).toBe(23);
  });

  it('says when the date range ends before it starts, without asking the server', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({ listAudit: async () => ({ items: events }) });
    await renderInTestApp(
      <Apis api={api}>
        <AuditPage />
      </Apis>,
    );
    await screen.findByRole('table', { name: 'Audit events' });
    await user.type(screen.getByLabelText('From'), '2026-10-10');
    await user.type(screen.getByLabelText('To'), '2026-10-01');
    expect(
      await screen.findByText('The date range ends before it starts.'),
    ).toBeInTheDocument();
    expect(screen.getByText('must not be before From')).toBeInTheDocument();
    expect(api.listAudit).not.toHaveBeenCalledWith(
      expect.objectContaining({ to: expect.anything() }),
    );
  });

  it('offers to clear filters that match nothing, and says when nothing was audited', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakePaletteApi({
      listAudit: async (filter = {}) => ({
        items: filter.actor ? [] : [],
      }),
    });
    await renderInTestApp(
      <Apis api={api}>
        <AuditPage />
      </Apis>,
    );
    expect(await screen.findByText('Nothing audited yet')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Actor'), 'user:default/nobody');
    expect(
      await screen.findByText('No audit event matches these filters.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Nothing audited yet')).toBeInTheDocument();
    expect(screen.getByLabelText('Actor')).toHaveValue('');
  });
});
