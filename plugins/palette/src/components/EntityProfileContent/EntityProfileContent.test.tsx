import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { paletteApiRef } from '../../api/PaletteApi';
import { rootRouteRef } from '../../routes';
import { awsInfra, fakePaletteApi } from '../profiles/__testUtils__/fixtures';
import {
  EntityProfileContent,
  isPaletteProfileEntity,
} from './EntityProfileContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'aws-infra',
    annotations: { 'palette.io/latest-version': '1.1.0' },
  },
  spec: { type: 'cluster-profile', owner: 'group:default/platform-team' },
};

async function render(api: ReturnType<typeof fakePaletteApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[paletteApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityProfileContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/palette': rootRouteRef } },
  );
}

describe('EntityProfileContent', () => {
  it('shows the layers, versions and variables of the latest version of the profile named like the entity', async () => {
    const api = fakePaletteApi();
    await render(api);
    const layers = await screen.findByRole('table', { name: 'Layers' });
    expect(api.getProfile).toHaveBeenCalledWith('aws-infra');
    expect(api.getProfileVersion).toHaveBeenCalledWith('aws-infra', '1.1.0');
    expect(screen.getByText('Layers of 1.1.0')).toBeInTheDocument();
    const layerRows = within(layers).getAllByRole('row').slice(1);
    expect(
      layerRows.map(r => within(r).getAllByRole('cell')[1].textContent),
    ).toEqual(['ubuntu', 'kubernetes', 'calico', 'aws-ebs-csi']);
    expect(within(layerRows[1]).getByText('Overridden')).toBeInTheDocument();
    expect(within(layerRows[0]).getByText('Pack defaults')).toBeInTheDocument();

    const versions = within(screen.getByRole('table', { name: 'Versions' }));
    expect(versions.getByText('Kubernetes 1.34.10')).toBeInTheDocument();
    expect(versions.getByText('Deprecated')).toBeInTheDocument();

    const variables = within(screen.getByRole('table', { name: 'Variables' }));
    expect(variables.getByText('podCidr')).toBeInTheDocument();
    expect(variables.getByText('192.168.0.0/16')).toBeInTheDocument();
    expect(variables.getByText('********')).toBeInTheDocument();
    expect(variables.queryByText('hunter2')).not.toBeInTheDocument();
  });

  it('says that no cluster runs the profile yet, with a link to the profile', async () => {
    await render(fakePaletteApi());
    expect(
      await screen.findByText('No clusters run this profile yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Go to the profile' }),
    ).toHaveAttribute('href', '/palette/profiles/aws-infra');
    expect(
      screen.getByRole('button', { name: 'Open profile' }),
    ).toHaveAttribute('href', '/palette/profiles/aws-infra');
  });

  it('says when the profile has no published version', async () => {
    const api = fakePaletteApi({
      getProfile: async () =>
        awsInfra({ latestVersion: undefined, versions: [] }),
    });
    await render(api);
    expect(
      await screen.findByText(/aws-infra has no published version yet/),
    ).toBeInTheDocument();
    expect(screen.getByText('No published versions.')).toBeInTheDocument();
    expect(api.getProfileVersion).not.toHaveBeenCalled();
  });

  it('says when palette-backend does not know the profile', async () => {
    const api = fakePaletteApi({
      getProfile: async () => {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: { name: 'NotFoundError', message: 'not found' },
              response: { statusCode: 404 },
            }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          ),
        );
      },
    });
    await render(api);
    expect(
      await screen.findByText('Palette has no profile of this name'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'All profiles' }),
    ).toHaveAttribute('href', '/palette/profiles');
  });

  it('shows other errors', async () => {
    await render(
      fakePaletteApi({
        getProfile: async () => {
          throw new Error('palette-backend is down');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/palette-backend is down/)).length,
    ).toBeGreaterThan(0);
  });

  it('tells cluster profile entities apart', () => {
    expect(isPaletteProfileEntity(entity)).toBe(true);
    expect(
      isPaletteProfileEntity({
        ...entity,
        spec: { type: 'kubernetes-cluster' },
      }),
    ).toBe(false);
  });
});
