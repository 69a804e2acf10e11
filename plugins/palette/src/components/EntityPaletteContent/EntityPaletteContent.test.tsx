import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../../routes';
import { EntityPaletteContent, isPaletteEntity } from './EntityPaletteContent';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'dev-eks-01', annotations },
  spec: { type: 'kubernetes-cluster', owner: 'team-apollo' },
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
