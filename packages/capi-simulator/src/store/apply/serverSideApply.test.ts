import { StatusError } from '../../server/StatusError';
import { KubeObject } from '../types';
import {
  ListTypeLookup,
  ManagedFieldsEntry,
  serverSideApply,
  trackUpdate,
} from '.';

const API = 'cluster.x-k8s.io/v1beta2';
const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:01:00Z';
const T2 = '2025-01-01T00:02:00Z';
const T3 = '2025-01-01T00:03:00Z';

/** A MachineDeployment; without `spec` when none is given. */
const md = (
  spec?: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: API,
  kind: 'MachineDeployment',
  metadata: { name: 'md', namespace: 'default', ...metadata },
  ...(spec ? { spec } : {}),
});

/** As the store would keep it: with the fields the server sets. */
const stored = (obj: KubeObject): KubeObject => ({
  ...obj,
  metadata: {
    ...obj.metadata,
    uid: 'uid-1',
    resourceVersion: '7',
    generation: 1,
    creationTimestamp: T0,
  },
});

const apply = (
  live: KubeObject | undefined,
  applied: KubeObject,
  manager: string,
  extra: Partial<Parameters<typeof serverSideApply>[0]> = {},
) =>
  serverSideApply({
    live,
    applied,
    manager,
    force: false,
    now: T1,
    ...extra,
  });

const entries = (obj: KubeObject) =>
  (obj.metadata.managedFields ?? []) as ManagedFieldsEntry[];

const entry = (
  obj: KubeObject,
  manager: string,
  operation: 'Apply' | 'Update' = 'Apply',
  subresource?: string,
) =>
  entries(obj).find(
    e =>
      e.manager === manager &&
      e.operation === operation &&
      e.subresource === subresource,
  );

function failure(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

const containersByName: ListTypeLookup = path =>
  path.join('.') === 'spec.template.spec.containers'
    ? { type: 'map', keys: ['name'] }
    : undefined;

describe('serverSideApply', () => {
  it('creates the object from the applied configuration, owned wholly by the manager', () => {
    const applied = md(
      { replicas: 3, template: { spec: { version: 'v1.33.4' } } },
      { labels: { team: 'a' } },
    );
    const created = apply(undefined, applied, 'capi-ui');

    expect(created).toEqual({
      apiVersion: API,
      kind: 'MachineDeployment',
      metadata: {
        name: 'md',
        namespace: 'default',
        labels: { team: 'a' },
        managedFields: [
          {
            manager: 'capi-ui',
            operation: 'Apply',
            apiVersion: API,
            time: T1,
            fieldsType: 'FieldsV1',
            fieldsV1: {
              'f:metadata': { 'f:labels': { 'f:team': {} } },
              'f:spec': {
                'f:replicas': {},
                'f:template': { 'f:spec': { 'f:version': {} } },
              },
            },
          },
        ],
      },
      spec: { replicas: 3, template: { spec: { version: 'v1.33.4' } } },
    });
    // The input is left alone.
    expect(applied.metadata.managedFields).toBeUndefined();
  });

  it('leaves the object as it is when the same configuration is applied again', () => {
    const applied = md({ replicas: 3, paused: false });
    const live = stored(apply(undefined, applied, 'capi-ui'));

    const again = apply(live, applied, 'capi-ui', { now: T2 });

    expect(again).toEqual(live);
    expect(again).not.toBe(live);
    expect(entry(again, 'capi-ui')?.time).toBe(T1);
  });

  it('updates values and the time of the manager when its configuration changes', () => {
    const live = stored(apply(undefined, md({ replicas: 3 }), 'capi-ui'));

    const next = apply(live, md({ replicas: 5 }), 'capi-ui', { now: T2 });

    expect(next.spec).toEqual({ replicas: 5 });
    expect(next.metadata).toMatchObject({
      uid: 'uid-1',
      resourceVersion: '7',
      generation: 1,
      creationTimestamp: T0,
    });
    expect(entry(next, 'capi-ui')).toMatchObject({
      time: T2,
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
    });
  });

  it('refuses, with 409 and a cause per field, a different value for a field another manager applied', () => {
    const live = stored(apply(undefined, md({ replicas: 3 }), 'other-manager'));

    const error = failure(() => apply(live, md({ replicas: 5 }), 'capi-ui'));

    expect(error.code).toBe(409);
    expect(error.reason).toBe('Conflict');
    expect(error.message).toBe(
      'Apply failed with 1 conflict: conflict with "other-manager": .spec.replicas',
    );
    expect(error.details).toEqual({
      causes: [
        {
          reason: 'FieldManagerConflict',
          message: 'conflict with "other-manager"',
          field: '.spec.replicas',
        },
      ],
    });
    expect(error.toStatus()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      code: 409,
      reason: 'Conflict',
    });
  });

  it('lists every conflicting field, grouped by manager, when there are several', () => {
    let live = stored(apply(undefined, md({ replicas: 3 }), 'alpha'));
    live = apply(live, md({ paused: false, minReadySeconds: 5 }), 'beta');

    const error = failure(() =>
      apply(
        live,
        md({ replicas: 4, paused: true, minReadySeconds: 6 }),
        'capi-ui',
      ),
    );

    expect(error.code).toBe(409);
    expect(error.message).toBe(
      [
        'Apply failed with 3 conflicts: conflicts with "alpha":',
        '- .spec.replicas',
        'conflicts with "beta":',
        '- .spec.minReadySeconds',
        '- .spec.paused',
      ].join('\n'),
    );
    expect(
      (error.details?.causes as Array<{ field: string }>).map(c => c.field),
    ).toEqual(['.spec.replicas', '.spec.minReadySeconds', '.spec.paused']);
  });

  it('shares ownership, without conflict, when another manager applies the same value', () => {
    const live = stored(apply(undefined, md({ replicas: 3 }), 'alpha'));

    const shared = apply(live, md({ replicas: 3 }), 'beta', { now: T2 });

    expect(shared.spec).toEqual({ replicas: 3 });
    for (const manager of ['alpha', 'beta']) {
      expect(entry(shared, manager)?.fieldsV1).toEqual({
        'f:spec': { 'f:replicas': {} },
      });
    }
    expect(entries(shared).map(e => e.manager)).toEqual(['alpha', 'beta']);
  });

  it('takes conflicting fields over from other managers with force', () => {
    let live = stored(apply(undefined, md({ replicas: 3 }), 'alpha'));
    live = apply(live, md({ replicas: 3, paused: false }), 'beta');

    const forced = apply(live, md({ replicas: 7 }), 'capi-ui', {
      force: true,
      now: T2,
    });

    expect(forced.spec).toEqual({ replicas: 7, paused: false });
    // alpha owned nothing else: its entry is gone; beta keeps paused only.
    expect(entry(forced, 'alpha')).toBeUndefined();
    expect(entry(forced, 'beta')?.fieldsV1).toEqual({
      'f:spec': { 'f:paused': {} },
    });
    expect(entry(forced, 'capi-ui')).toMatchObject({
      time: T2,
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
    });
    // And now alpha conflicts with capi-ui.
    expect(
      failure(() => apply(forced, md({ replicas: 3 }), 'alpha')).message,
    ).toBe(
      'Apply failed with 1 conflict: conflict with "capi-ui": .spec.replicas',
    );
  });

  it('removes fields the manager no longer applies', () => {
    const live = stored(
      apply(
        undefined,
        md({ replicas: 3, paused: true }, { labels: { a: '1', b: '2' } }),
        'capi-ui',
      ),
    );

    const next = apply(
      live,
      md({ replicas: 3 }, { labels: { a: '1' } }),
      'capi-ui',
      {
        now: T2,
      },
    );

    expect(next.spec).toEqual({ replicas: 3 });
    expect(next.metadata.labels).toEqual({ a: '1' });
    expect(entry(next, 'capi-ui')?.fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { 'f:a': {} } },
      'f:spec': { 'f:replicas': {} },
    });
  });

  it('removes a whole object it no longer applies, but keeps fields nobody owned', () => {
    const live = stored(
      apply(
        undefined,
        md({ replicas: 1, strategy: { type: 'RollingUpdate' } }),
        'capi-ui',
      ),
    );
    const dropped = apply(live, md({ replicas: 1 }), 'capi-ui', { now: T2 });
    expect(dropped.spec).toEqual({ replicas: 1 });

    // A field written without tracking (nobody owns it) stays.
    const untracked = structuredClone(live);
    (untracked.spec as any).strategy.remediation = { maxInFlight: 1 };
    const kept = apply(untracked, md({ replicas: 1 }), 'capi-ui', { now: T2 });
    expect(kept.spec).toEqual({
      replicas: 1,
      strategy: { remediation: { maxInFlight: 1 } },
    });
  });

  it('keeps a field it no longer applies when another manager owns it too, dropping only its ownership', () => {
    let live = stored(
      apply(undefined, md({ replicas: 3, paused: true }), 'alpha'),
    );
    live = apply(live, md({ paused: true }), 'beta');

    const next = apply(live, md({ replicas: 3 }), 'alpha', { now: T2 });

    expect(next.spec).toEqual({ replicas: 3, paused: true });
    expect(entry(next, 'alpha')?.fieldsV1).toEqual({
      'f:spec': { 'f:replicas': {} },
    });
    expect(entry(next, 'beta')?.fieldsV1).toEqual({
      'f:spec': { 'f:paused': {} },
    });
  });

  it('removes the entry of a manager that applies no fields any more, and its fields', () => {
    let live = stored(apply(undefined, md({ replicas: 3 }), 'alpha'));
    live = apply(live, md({ paused: true }), 'beta');

    const next = apply(live, md(), 'alpha', { now: T2 });

    expect(next.spec).toEqual({ paused: true });
    expect(entries(next).map(e => e.manager)).toEqual(['beta']);
  });

  it('owns an applied empty object as a field of its own', () => {
    const created = apply(undefined, md({ strategy: {} }), 'capi-ui');
    expect(created.spec).toEqual({ strategy: {} });
    expect(entry(created, 'capi-ui')?.fieldsV1).toEqual({
      'f:spec': { 'f:strategy': {} },
    });
  });

  it('conflicts with an Update (kubectl edit) of the field, naming its apiVersion, and force wins', () => {
    const live = stored(apply(undefined, md({ replicas: 3 }), 'capi-ui'));
    const edited = trackUpdate({
      before: live,
      after: { ...live, spec: { replicas: 4 } },
      manager: 'kubectl-edit',
      now: T2,
    });
    expect(entry(edited, 'kubectl-edit', 'Update')?.fieldsV1).toEqual({
      'f:spec': { 'f:replicas': {} },
    });
    // The field moved: capi-ui's entry had only that field.
    expect(entry(edited, 'capi-ui')).toBeUndefined();

    const error = failure(() => apply(edited, md({ replicas: 5 }), 'capi-ui'));
    expect(error.code).toBe(409);
    expect(error.message).toBe(
      `Apply failed with 1 conflict: conflict with "kubectl-edit" using ${API}: .spec.replicas`,
    );
    expect(error.details).toEqual({
      causes: [
        {
          reason: 'FieldManagerConflict',
          message: `conflict with "kubectl-edit" using ${API}`,
          field: '.spec.replicas',
        },
      ],
    });

    const forced = apply(edited, md({ replicas: 5 }), 'capi-ui', {
      force: true,
      now: T3,
    });
    expect(forced.spec).toEqual({ replicas: 5 });
    expect(entry(forced, 'kubectl-edit', 'Update')).toBeUndefined();
    expect(entry(forced, 'capi-ui')?.fieldsV1).toEqual({
      'f:spec': { 'f:replicas': {} },
    });
  });

  it('merges the items of a map list from two managers, each owning its own item', () => {
    const withContainers = (...containers: object[]) =>
      md({ template: { spec: { containers } } });
    let live = stored(
      apply(
        undefined,
        withContainers({ name: 'app', image: 'app:1' }),
        'alpha',
        {
          listType: containersByName,
        },
      ),
    );
    live = apply(
      live,
      withContainers({ name: 'sidecar', image: 'proxy:1' }),
      'beta',
      { listType: containersByName, now: T2 },
    );

    expect(live.spec).toEqual({
      template: {
        spec: {
          containers: [
            { name: 'app', image: 'app:1' },
            { name: 'sidecar', image: 'proxy:1' },
          ],
        },
      },
    });
    const itemFields = (name: string) => ({
      'f:spec': {
        'f:template': {
          'f:spec': {
            'f:containers': {
              [`k:{"name":"${name}"}`]: {
                '.': {},
                'f:image': {},
                'f:name': {},
              },
            },
          },
        },
      },
    });
    expect(entry(live, 'alpha')?.fieldsV1).toEqual(itemFields('app'));
    expect(entry(live, 'beta')?.fieldsV1).toEqual(itemFields('sidecar'));

    // Changing beta's item is no conflict with alpha...
    const bumped = apply(
      live,
      withContainers({ name: 'sidecar', image: 'proxy:2' }),
      'beta',
      { listType: containersByName, now: T3 },
    );
    expect((bumped.spec as any).template.spec.containers).toEqual([
      { name: 'app', image: 'app:1' },
      { name: 'sidecar', image: 'proxy:2' },
    ]);
    // ...changing alpha's is.
    expect(
      failure(() =>
        apply(live, withContainers({ name: 'app', image: 'app:2' }), 'beta', {
          listType: containersByName,
        }),
      ).message,
    ).toBe(
      'Apply failed with 1 conflict: conflict with "alpha": .spec.template.spec.containers[name="app"].image',
    );
    // And beta dropping its item removes only that item.
    const dropped = apply(live, md(), 'beta', {
      listType: containersByName,
      now: T3,
    });
    expect((dropped.spec as any).template.spec.containers).toEqual([
      { name: 'app', image: 'app:1' },
    ]);
    expect(entry(dropped, 'beta')).toBeUndefined();
  });

  it('writes associative list keys as JSON with sorted keys', () => {
    const ports: ListTypeLookup = path =>
      path.join('.') === 'spec.ports'
        ? { type: 'map', keys: ['protocol', 'port'] }
        : undefined;
    const created = apply(
      undefined,
      md({ ports: [{ protocol: 'TCP', port: 443 }] }),
      'capi-ui',
      { listType: ports },
    );
    expect(entry(created, 'capi-ui')?.fieldsV1).toEqual({
      'f:spec': {
        'f:ports': {
          'k:{"port":443,"protocol":"TCP"}': {
            '.': {},
            'f:port': {},
            'f:protocol': {},
          },
        },
      },
    });
  });

  it('merges set lists by value and records items as v: elements', () => {
    const tags: ListTypeLookup = path =>
      path.join('.') === 'spec.tags' ? { type: 'set' } : undefined;
    let live = stored(
      apply(undefined, md({ tags: ['a', 'b'] }), 'alpha', { listType: tags }),
    );
    live = apply(live, md({ tags: ['c'] }), 'beta', {
      listType: tags,
      now: T2,
    });

    expect(live.spec).toEqual({ tags: ['a', 'b', 'c'] });
    expect(entry(live, 'beta')?.fieldsV1).toEqual({
      'f:spec': { 'f:tags': { 'v:"c"': {} } },
    });
    expect(entry(live, 'alpha')?.fieldsV1).toEqual({
      'f:spec': { 'f:tags': { 'v:"a"': {}, 'v:"b"': {} } },
    });
  });

  it('replaces atomic lists whole, and owns them as one field', () => {
    // Without list type information, lists are atomic.
    const live = stored(
      apply(
        undefined,
        md({ template: { spec: { containers: [{ name: 'app' }] } } }),
        'alpha',
      ),
    );
    expect(entry(live, 'alpha')?.fieldsV1).toEqual({
      'f:spec': { 'f:template': { 'f:spec': { 'f:containers': {} } } },
    });

    const replaced = apply(
      live,
      md({ template: { spec: { containers: [{ name: 'other' }] } } }),
      'alpha',
      { now: T2 },
    );
    expect((replaced.spec as any).template.spec.containers).toEqual([
      { name: 'other' },
    ]);

    const error = failure(() =>
      apply(
        live,
        md({ template: { spec: { containers: [{ name: 'sidecar' }] } } }),
        'beta',
      ),
    );
    expect(error.message).toBe(
      'Apply failed with 1 conflict: conflict with "alpha": .spec.template.spec.containers',
    );
  });

  it('keeps status and main-resource applies apart', () => {
    const live = stored({
      ...apply(undefined, md({ replicas: 3 }), 'capi-ui'),
    });

    // Status in a main-resource apply is ignored.
    const mainWithStatus = apply(
      live,
      { ...md({ replicas: 3 }), status: { phase: 'Bogus' } },
      'capi-ui',
      { now: T2 },
    );
    expect(mainWithStatus).toEqual(live);

    const withStatus = apply(
      live,
      { ...md({ replicas: 99 }), status: { phase: 'Running', replicas: 3 } },
      'capi-controller',
      { subresource: 'status', now: T2 },
    );
    // Spec in a status apply is ignored: no conflict with capi-ui either.
    expect(withStatus.spec).toEqual({ replicas: 3 });
    expect(withStatus.status).toEqual({ phase: 'Running', replicas: 3 });
    expect(entry(withStatus, 'capi-controller', 'Apply', 'status')).toEqual({
      manager: 'capi-controller',
      operation: 'Apply',
      apiVersion: API,
      time: T2,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:status': { 'f:phase': {}, 'f:replicas': {} } },
      subresource: 'status',
    });
    expect(entry(withStatus, 'capi-ui')?.fieldsV1).toEqual({
      'f:spec': { 'f:replicas': {} },
    });

    // A main-resource apply by the same manager leaves status and its status entry alone.
    const main = apply(withStatus, md({ replicas: 4 }), 'capi-controller', {
      force: true,
      now: T3,
    });
    expect(main.status).toEqual({ phase: 'Running', replicas: 3 });
    expect(entry(main, 'capi-controller', 'Apply', 'status')?.fieldsV1).toEqual(
      { 'f:status': { 'f:phase': {}, 'f:replicas': {} } },
    );
    expect(entry(main, 'capi-controller', 'Apply')?.fieldsV1).toEqual({
      'f:spec': { 'f:replicas': {} },
    });

    // A status apply without a field it applied before removes it.
    const less = apply(
      main,
      { ...md(), status: { phase: 'Running' } },
      'capi-controller',
      { subresource: 'status', now: T3 },
    );
    expect(less.status).toEqual({ phase: 'Running' });
    expect(less.spec).toEqual({ replicas: 4 });
  });

  it('answers 404 for a status apply to an object that does not exist', () => {
    const error = failure(() =>
      apply(undefined, { ...md(), status: { phase: 'x' } }, 'c', {
        subresource: 'status',
      }),
    );
    expect(error.code).toBe(404);
  });

  it('refuses an applied configuration that carries managedFields', () => {
    const applied = md({ replicas: 1 }, { managedFields: [] });
    const error = failure(() => apply(undefined, applied, 'capi-ui'));
    expect(error.code).toBe(400);
    expect(error.message).toBe('metadata.managedFields must be nil');
  });

  it('does not own identity or system metadata, and keeps the stored ones', () => {
    const live = stored(apply(undefined, md({ replicas: 1 }), 'capi-ui'));
    const applied = md(
      { replicas: 1 },
      {
        uid: 'other',
        resourceVersion: '1',
        generation: 9,
        annotations: { x: 'y' },
      },
    );

    const next = apply(live, applied, 'capi-ui', { now: T2 });

    expect(next.metadata).toMatchObject({
      name: 'md',
      namespace: 'default',
      uid: 'uid-1',
      resourceVersion: '7',
      generation: 1,
      annotations: { x: 'y' },
    });
    expect(entry(next, 'capi-ui')?.fieldsV1).toEqual({
      'f:metadata': { 'f:annotations': { 'f:x': {} } },
      'f:spec': { 'f:replicas': {} },
    });
  });

  it('orders entries as the API server does: Apply first, then by time', () => {
    let live = stored(
      apply(undefined, md({ replicas: 1 }), 'zeta', { now: T1 }),
    );
    live = trackUpdate({
      before: live,
      after: { ...live, spec: { ...(live.spec as object), paused: true } },
      manager: 'kubectl-edit',
      now: T2,
    });
    live = apply(live, md({ minReadySeconds: 3 }), 'alpha', { now: T3 });

    expect(entries(live).map(e => [e.manager, e.operation, e.time])).toEqual([
      ['zeta', 'Apply', T1],
      ['alpha', 'Apply', T3],
      ['kubectl-edit', 'Update', T2],
    ]);
  });
});
