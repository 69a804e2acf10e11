import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { Apis, fakePaletteApi } from '../../profiles/__testUtils__/fixtures';
import { MOUNTED_ROUTES } from '../../clusters/__testUtils__/fixtures';
import { PalettePage } from '../../PalettePage';
import { AuditPage } from './AuditPage';

// Apart from AuditPage.test: permission decisions are cached per test file.
describe('AuditPage without palette.audit.read', () => {
  it('explains the missing permission and does not ask for the log', async () => {
    const api = fakePaletteApi();
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <AuditPage />
      </Apis>,
    );
    expect(
      await screen.findByText('You may not read the audit log'),
    ).toBeInTheDocument();
    expect(api.listAudit).not.toHaveBeenCalled();
  });

  it('has no Audit tab on the Palette page', async () => {
    await renderInTestApp(
      <Apis api={fakePaletteApi()} allowed={[]}>
        <Routes>
          <Route path="/palette/*" element={<PalettePage />} />
        </Routes>
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/approvals'] },
    );
    expect(
      await screen.findByRole('tab', { name: 'Approvals' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Governance' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('tab', { name: 'Audit' })).toBeNull(),
    );
  });

  it('explains the missing permission when a link leads to the audit log', async () => {
    const api = fakePaletteApi();
    await renderInTestApp(
      <Apis api={api} allowed={[]}>
        <Routes>
          <Route path="/palette/*" element={<PalettePage />} />
        </Routes>
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES, routeEntries: ['/palette/audit'] },
    );
    expect(
      await screen.findByText('You may not read the audit log'),
    ).toBeInTheDocument();
    expect(api.listAudit).not.toHaveBeenCalled();
    expect(api.getHealth).not.toHaveBeenCalled();
  });
});
