import { ResponseError } from '@backstage/errors';
import { ApiHolder } from '@backstage/core-plugin-api';
import { paletteApiRef } from '../../api/PaletteApi';
import { fakePaletteApi } from '../profiles/__testUtils__/fixtures';
import { profileSummary } from '../clusters/__testUtils__/fixtures';
import { policy } from '../governance/__testUtils__/fixtures';
import {
  validatePaletteNodePools,
  validatePaletteProfilePick,
} from './validation';
import { workerPoolProblems } from './nodePools';

function run(
  value: any,
  options: {
    api?: ReturnType<typeof fakePaletteApi>;
    formData?: Record<string, unknown>;
  } = {},
) {
  const api = options.api ?? fakePaletteApi();
  const errors: string[] = [];
  const validation = { addError: (m: string) => errors.push(m) } as any;
  const apiHolder: ApiHolder = {
    get: ref => (ref.id === paletteApiRef.id ? (api as any) : undefined),
  };
  return validatePaletteProfilePick(value, validation, {
    apiHolder,
    formData: (options.formData ?? {}) as any,
    schema: {},
  })!.then(() => errors);
}

async function notFound() {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'no such profile' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    ) as any,
  );
}

describe('validatePaletteProfilePick', () => {
  it('requires a profile and a version', async () => {
    expect(await run(undefined)).toEqual(['Choose a cluster profile']);
    expect(await run({ name: 'aws-infra', version: '' })).toEqual([
      'Choose a version of aws-infra',
    ]);
  });

  it('accepts a published version that is not deprecated', async () => {
    const api = fakePaletteApi({ getProfile: async () => profileSummary() });
    expect(await run({ name: 'aws-infra', version: '1.1.0' }, { api })).toEqual(
      [],
    );
    expect(api.getProfile).toHaveBeenCalledWith('aws-infra');
  });

  it('refuses deprecated, unpublished and unknown versions and add-on profiles', async () => {
    const api = fakePaletteApi({ getProfile: async () => profileSummary() });
    expect(await run({ name: 'aws-infra', version: '1.0.0' }, { api })).toEqual(
      ['Version 1.0.0 of aws-infra is deprecated; choose another'],
    );
    expect(await run({ name: 'aws-infra', version: '9.9.9' }, { api })).toEqual(
      ['aws-infra has no published version 9.9.9'],
    );
    const missing = fakePaletteApi({
      getProfile: async () => {
        throw await notFound();
      },
    });
    expect(
      await run({ name: 'gone', version: '1.0.0' }, { api: missing }),
    ).toEqual(['There is no profile named gone']);
    const addOn = fakePaletteApi({
      getProfile: async () => profileSummary({ type: 'add-on' }),
    });
    expect(
      await run({ name: 'aws-infra', version: '1.1.0' }, { api: addOn }),
    ).toEqual([
      'aws-infra is an add-on profile; a cluster is built from an infrastructure or full profile',
    ]);
  });

  it('checks the governance policy when the step holds the project and environment', async () => {
    const api = fakePaletteApi({
      getProfile: async () =>
        profileSummary({
          versions: [
            ...profileSummary().versions,
            {
              version: '1.2.0',
              changeNote: 'newer',
              publishedAt: '2026-10-08T09:00:00Z',
              publishedBy: 'user:default/platform-admin',
              deprecated: false,
            },
          ],
        }),
      getEffectivePolicy: async () => ({ policy: policy() }),
    });
    const formData = { project: 'payments', environment: 'production' };
    expect(
      await run({ name: 'aws-infra', version: '1.2.0' }, { api, formData }),
    ).toEqual([
      'The governance policy for payments / production does not allow aws-infra@1.2.0',
    ]);
    expect(api.getEffectivePolicy).toHaveBeenCalledWith(
      'system:default/payments',
      'production',
    );
    expect(
      await run({ name: 'aws-infra', version: '1.1.0' }, { api, formData }),
    ).toEqual([]);
  });

  it('lets the request go on when palette-backend cannot be asked', async () => {
    const api = fakePaletteApi({
      getProfile: async () => {
        throw new Error('network down');
      },
    });
    expect(await run({ name: 'aws-infra', version: '1.1.0' }, { api })).toEqual(
      [],
    );
  });
});

describe('worker pool validation', () => {
  const pool = { name: 'workers', instanceType: 'm5.large', count: 3 };

  it('accepts valid pools', () => {
    expect(workerPoolProblems([pool])).toEqual([]);
    expect(
      workerPoolProblems([
        pool,
        { ...pool, name: 'gpu', autoscaling: { min: 1, max: 5 } },
      ]),
    ).toEqual([]);
  });

  it('says what is wrong as workerPoolSchema does, plus unique names', () => {
    expect(workerPoolProblems(undefined)).toEqual([
      'Add at least one worker pool',
    ]);
    expect(workerPoolProblems([])).toEqual(['Add at least one worker pool']);
    const problems = workerPoolProblems([
      pool,
      { ...pool, count: 7, autoscaling: { min: 1, max: 5 } },
      { ...pool, name: 'Bad_Name', count: Number.NaN },
    ]);
    expect(problems).toEqual([
      'Worker pool 2 (workers): count must lie within the autoscaling bounds',
      'Worker pool 2 (workers): pool "workers" is named twice; pool names must be unique',
      expect.stringMatching(
        /^Worker pool 3 \(Bad_Name\): name must be a DNS label/,
      ),
      'Worker pool 3 (Bad_Name): count must be a whole number',
    ]);
    expect(workerPoolProblems(Array(21).fill(pool))[0]).toBe(
      'A cluster has at most 20 worker pools',
    );
  });

  it('adds each problem to the field', () => {
    const addError = jest.fn();
    validatePaletteNodePools(
      [{ ...pool, instanceType: '' }],
      { addError } as any,
      { apiHolder: { get: () => undefined }, formData: {}, schema: {} },
    );
    expect(addError).toHaveBeenCalledWith(
      'Worker pool 1 (workers): instanceType is required',
    );
  });
});
