import { ResponseError } from '@backstage/errors';
import {
  applicableChanges,
  countByKind,
  fieldMessagesOf,
  formatAge,
  groupMessagesByField,
  helperTextOf,
  normalizeFieldPath,
} from './utils';

async function responseError(status: number, body: unknown) {
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    }) as any,
  );
}

describe('cluster utils', () => {
  it('normalizes field paths', () => {
    expect(normalizeFieldPath('workerPools[0].name')).toBe(
      'workerPools.0.name',
    );
    expect(normalizeFieldPath('/workerPools/1/count')).toBe(
      'workerPools.1.count',
    );
    expect(normalizeFieldPath(['controlPlane', 'replicas'])).toBe(
      'controlPlane.replicas',
    );
    expect(normalizeFieldPath('variables.podCidr')).toBe('variables.podCidr');
  });

  it("reads the fields of an InputError's message", async () => {
    const error = await responseError(400, {
      error: {
        name: 'InputError',
        message:
          'name: must be a DNS-1123 label; workerPools[0].count: must be at most 1000',
      },
      response: { statusCode: 400 },
    });
    expect(fieldMessagesOf(error)).toEqual([
      expect.objectContaining({
        field: 'name',
        message: 'must be a DNS-1123 label',
      }),
      expect.objectContaining({
        field: 'workerPools.0.count',
        message: 'must be at most 1000',
      }),
    ]);
  });

  it('reads the violations of a governance refusal, after its leading sentence', async () => {
    const error = await responseError(403, {
      error: {
        name: 'NotAllowedError',
        message:
          'Governance does not allow this request: profile.version: is not allowed in payments / production; workerPools.1.count: exceeds the largest pool (10)',
      },
      response: { statusCode: 403 },
    });
    expect(fieldMessagesOf(error)).toEqual([
      expect.objectContaining({
        field: 'profile.version',
        message: 'is not allowed in payments / production',
      }),
      expect.objectContaining({
        field: 'workerPools.1.count',
        message: 'exceeds the largest pool (10)',
      }),
    ]);
    const denied = await responseError(403, {
      error: {
        name: 'NotAllowedError',
        message: 'palette.cluster.create is required',
      },
      response: { statusCode: 403 },
    });
    expect(fieldMessagesOf(denied)).toEqual([]);
  });

  it('prefers messages the error body carries, and ignores other errors', async () => {
    const message = {
      severity: 'warning' as const,
      code: 'quota',
      field: 'workerPools.0.count',
      message: 'close to the quota',
    };
    const carried = await responseError(400, {
      error: { name: 'InputError', message: 'invalid' },
      response: { statusCode: 400 },
      messages: [message],
    });
    expect(fieldMessagesOf(carried)).toEqual([message]);
    const conflict = await responseError(409, {
      error: { name: 'ConflictError', message: 'name: exists' },
      response: { statusCode: 409 },
    });
    expect(fieldMessagesOf(conflict)).toEqual([]);
    expect(fieldMessagesOf(new Error('name: nope'))).toEqual([]);
  });

  it('groups messages by the field a form shows, the rest as general', () => {
    const m = (field: string) => ({
      severity: 'error' as const,
      code: 'x',
      field,
      message: `about ${field}`,
    });
    const { byField, general } = groupMessagesByField(
      [m('name'), m('workerPools[0].name'), m('quota'), m('name')],
      field => field !== 'quota',
    );
    expect(byField.get('name')).toHaveLength(2);
    expect(byField.get('workerPools.0.name')).toHaveLength(1);
    expect(general.map(g => g.field)).toEqual(['quota']);
    expect(helperTextOf(byField.get('name'), 'help')).toEqual({
      error: true,
      helperText: 'about name; about name',
    });
    expect(helperTextOf(undefined, 'help')).toEqual({
      error: false,
      helperText: 'help',
    });
  });

  it('counts objects by kind, most first', () => {
    expect(
      countByKind([
        { kind: 'HelmChartProxy' },
        { kind: 'Cluster' },
        { kind: 'HelmChartProxy' },
      ]),
    ).toEqual([
      { kind: 'HelmChartProxy', count: 2 },
      { kind: 'Cluster', count: 1 },
    ]);
  });

  it('formats ages', () => {
    const now = Date.parse('2026-10-06T12:00:00Z');
    expect(formatAge('2026-10-06T11:59:50Z', now)).toBe('just now');
    expect(formatAge('2026-10-06T11:55:00Z', now)).toBe('5 min ago');
    expect(formatAge('2026-10-06T09:00:00Z', now)).toBe('3 h ago');
    expect(formatAge('2026-10-04T12:00:00Z', now)).toBe('2 days ago');
  });

  it('lets imported clusters change only what their import mode allows', () => {
    const importedAt = '2026-10-06T09:00:00Z';
    expect(applicableChanges({})).toEqual({
      version: true,
      pools: true,
      addOns: true,
      pause: true,
      kubeconfig: true,
    });
    expect(
      applicableChanges({ imported: { mode: 'managed', importedAt } }),
    ).toEqual({
      version: false,
      pools: false,
      addOns: true,
      pause: false,
      kubeconfig: false,
    });
    expect(
      Object.values(
        applicableChanges({ imported: { mode: 'read-only', importedAt } }),
      ).some(Boolean),
    ).toBe(false);
  });
});
