import { renderInTestApp } from '@backstage/test-utils';
import { Route, Routes } from 'react-router-dom';
import { PaletteApi } from '../../../api/PaletteApi';
import { ClustersRouter } from '../../clusters/ClustersRouter';
import {
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../../clusters/__testUtils__/fixtures';
import {
  Apis,
  fakeAlertApi,
  LocationDisplay,
} from '../../profiles/__testUtils__/fixtures';

/**
 * Renders `/palette/clusters/:name` with a fake API. Permission answers are
 * cached per permission and resource: each case should use its own name.
 */
export async function renderClusterPage(
  name: string,
  overrides: Partial<PaletteApi>,
  allowed: 'all' | string[] = 'all',
) {
  const api = fakeClusterApi(overrides);
  const alerts = fakeAlertApi();
  await renderInTestApp(
    <Apis api={api} allowed={allowed} alerts={alerts}>
      <Routes>
        <Route path="/palette/clusters/*" element={<ClustersRouter />} />
      </Routes>
      <LocationDisplay />
    </Apis>,
    {
      mountedRoutes: MOUNTED_ROUTES,
      routeEntries: [`/palette/clusters/${name}`],
    },
  );
  return { api, alerts };
}
