import { PaletteClient } from './PaletteClient';

const report = {
  status: 'error',
  checks: {
    database: { status: 'ok', client: 'pg', latencyMs: 1 },
    managementClusters: [
      {
        name: 'm',
        type: 'kubeconfig',
        status: 'error',
        latencyMs: 5,
        message: 'down',
      },
    ],
  },
};

function client(response: Response) {
  const fetch = jest.fn(async () => response);
  return {
    fetch,
    client: new PaletteClient({
      discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
      fetchApi: { fetch },
    }),
  };
}

describe('PaletteClient', () => {
  it('reads the health report from palette-backend, also when it answers 503', async () => {
    const { fetch, client: c } = client(
      new Response(JSON.stringify(report), { status: 503 }),
    );
    await expect(c.getHealth()).resolves.toEqual(report);
    expect(fetch).toHaveBeenCalledWith('http://backend/api/palette/health');
  });

  it('turns other errors into a ResponseError', async () => {
    const body = JSON.stringify({
      error: { name: 'AuthenticationError', message: 'Missing credentials' },
      response: { statusCode: 401 },
    });
    const { client: c } = client(
      new Response(body, {
        status: 401,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await expect(c.getHealth()).rejects.toThrow(/Missing credentials|401/);
  });
});
