import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { HealthReport } from '@palette-backstage/plugin-palette-common';
import { PaletteApi, paletteApiRef } from '../../api/PaletteApi';
import { PalettePage } from './PalettePage';

function apiReturning(report: HealthReport | Error): PaletteApi {
  return {
    getHealth: jest.fn(async () => {
      if (report instanceof Error) throw report;
      return report;
    }),
  };
}

const healthy: HealthReport = {
  status: 'ok',
  checks: {
    database: { status: 'ok', client: 'pg', latencyMs: 2 },
    managementClusters: [
      {
        name: 'embedded',
        type: 'embedded',
        status: 'ok',
        latencyMs: 3,
        kubernetesVersion: 'v1.34.2',
        clusterApiServed: true,
      },
    ],
  },
};

describe('PalettePage', () => {
  it('shows the database engine and each management cluster with its status', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[paletteApiRef, apiReturning(healthy)]]}>
        <PalettePage />
      </TestApiProvider>,
    );
    expect(await screen.findByText('PostgreSQL')).toBeInTheDocument();
    expect(screen.getByText('embedded')).toBeInTheDocument();
    expect(screen.getByText('Embedded simulator')).toBeInTheDocument();
    expect(screen.getByText('v1.34.2')).toBeInTheDocument();
    expect(screen.getAllByText('Healthy').length).toBeGreaterThanOrEqual(3);
  });

  it('names the failing management cluster and why', async () => {
    const degraded: HealthReport = {
      status: 'error',
      checks: {
        database: { status: 'ok', client: 'better-sqlite3', latencyMs: 1 },
        managementClusters: [
          {
            name: 'prod-mgmt',
            type: 'kubeconfig',
            status: 'error',
            latencyMs: 3000,
            message: 'the API server did not answer within 3000 ms',
          },
        ],
      },
    };
    await renderInTestApp(
      <TestApiProvider apis={[[paletteApiRef, apiReturning(degraded)]]}>
        <PalettePage />
      </TestApiProvider>,
    );
    expect(await screen.findByText('prod-mgmt')).toBeInTheDocument();
    expect(
      screen.getByText('the API server did not answer within 3000 ms'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Unavailable').length).toBe(2);
    expect(screen.getByText('SQLite')).toBeInTheDocument();
  });

  it('shows the error when palette-backend cannot be reached', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [paletteApiRef, apiReturning(new Error('palette-backend is down'))],
        ]}
      >
        <PalettePage />
      </TestApiProvider>,
    );
    expect(
      (await screen.findAllByText(/palette-backend is down/)).length,
    ).toBeGreaterThan(0);
  });
});
