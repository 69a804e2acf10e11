import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { Apis } from '../profiles/__testUtils__/fixtures';
import {
  clusterDetails,
  fakeClusterApi,
  MOUNTED_ROUTES,
} from '../clusters/__testUtils__/fixtures';
import { EntityPaletteContent, isPaletteEntity } from './EntityPaletteContent';

const entity = (
  annotations: Record<string, string>,
  type = 'database',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'dev-eks-01', annotations },
  spec: { type, owner: 'team-apollo' },
});

async function render(e: Entity) {
  return renderInTestApp(
    <EntityProvider entity={e}>
      <EntityPaletteContent />
    </EntityProvider>,
    { mountedRoutes: { '/palette': rootRouteRef } },
  );
}

describe('EntityPaletteContent', () => {
  it("shows a managed entity's Palette annotations", async () => {
    await render(
      entity({
        'palette.io/phase': 'Running',
        'palette.io/profile': 'eks-standard@1.2.0',
      }),
    );
    expect(screen.getByText('Running')).toBeInTheDocument();
    expect(screen.getByText('eks-standard@1.2.0')).toBeInTheDocument();
  });

  it("shows a cluster entity's live lifecycle from palette-backend", async () => {
    const api = fakeClusterApi({
      getCluster: async name =>
        clusterDetails({
          name,
          phase: 'Degraded',
          message: '1 node is not ready',
        }),
    });
    await renderInTestApp(
      <Apis api={api}>
        <EntityProvider
          entity={entity(
            { 'palette.io/cluster': 'real-name' },
            'kubernetes-cluster',
          )}
        >
          <EntityPaletteContent />
        </EntityProvider>
      </Apis>,
      { mountedRoutes: MOUNTED_ROUTES },
    );
    expect(await screen.findByText('1 node is not ready')).toBeInTheDocument();
    expect(screen.getByText('Degraded')).toBeInTheDocument();
    expect(api.getCluster).toHaveBeenCalledWith('real-name');
  });

  it('says what to do when Palette does not manage the entity', async () => {
    await render(entity({}));
    expect(
      screen.getByText('Palette does not manage this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Open Palette' }),
    ).toHaveAttribute('href', '/palette');
  });

  it('tells managed entities apart', () => {
    expect(isPaletteEntity(entity({ 'palette.io/cloud-type': 'aws' }))).toBe(
      true,
    );
    expect(
      isPaletteEntity(entity({ 'backstage.io/source-location': 'url:x' })),
    ).toBe(false);
  });
});
