import { KubeObject } from '../types';
import {
  ListTypeLookup,
  ManagedFieldsEntry,
  serverSideApply,
  trackUpdate,
} from '.';

const API = 'cluster.x-k8s.io/v1beta2';
const T1 = '2025-01-01T00:01:00Z';
const T2 = '2025-01-01T00:02:00Z';
const T3 = '2025-01-01T00:03:00Z';

const cluster = (
  spec: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: API,
  kind: 'Cluster',
  metadata: {
    name: 'c1',
    namespace: 'default',
    uid: 'u1',
    resourceVersion: '3',
  },
  spec,
  ...extra,
});

const entries = (obj: KubeObject) =>
  (obj.metadata.managedFields ?? []) as ManagedFieldsEntry[];

const fieldsOf = (
  obj: KubeObject,
  manager: string,
  operation: 'Apply' | 'Update' = 'Update',
  subresource?: string,
) =>
  entries(obj).find(
    e =>
      e.manager === manager &&
      e.operation === operation &&
      e.subresource === subresource,
  )?.fieldsV1;

/** Writes `change(copy of before)` as `manager` would through PUT or a patch. */
const write = (
  before: KubeObject | undefined,
  after: KubeObject,
  manager: string,
  now: string,
  extra: { subresource?: 'status'; listType?: ListTypeLookup } = {},
) => trackUpdate({ before, after, manager, now, ...extra });

describe('trackUpdate', () => {
  it('gives a creating manager every field it set, as an Update entry', () => {
    const created = write(
      undefined,
      cluster(
        { paused: false, topology: { version: 'v1.33.4' } },
        {
          metadata: {
            name: 'c1',
            namespace: 'default',
            labels: { env: 'dev' },
          },
        },
      ),
      'capi-ui',
      T1,
    );

    expect(created.metadata.managedFields).toEqual([
      {
        manager: 'capi-ui',
        operation: 'Update',
        apiVersion: API,
        time: T1,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:env': {} } },
          'f:spec': { 'f:paused': {}, 'f:topology': { 'f:version': {} } },
        },
      },
    ]);
    expect(created.spec).toEqual({
      paused: false,
      topology: { version: 'v1.33.4' },
    });
  });

  it('moves changed fields to the writer and drops removed fields from every manager', () => {
    const live = serverSideApply({
      live: undefined,
      applied: cluster({
        paused: false,
        topology: { version: 'v1.33.4', classRef: 'aws' },
      }),
      manager: 'capi-ui',
      force: false,
      now: T1,
    });

    const patched = write(
      live,
      { ...live, spec: { paused: true, topology: { version: 'v1.33.4' } } },
      'kubectl-patch',
      T2,
    );

    expect(fieldsOf(patched, 'kubectl-patch')).toEqual({
      'f:spec': { 'f:paused': {} },
    });
    expect(fieldsOf(patched, 'capi-ui', 'Apply')).toEqual({
      'f:spec': { 'f:topology': { 'f:version': {} } },
    });
  });

  it('adds to the fields the writer already had, and drops those it removes', () => {
    let live = write(undefined, cluster({ a: 1, b: 2 }), 'editor', T1);
    live = write(live, { ...live, spec: { b: 2, c: 3 } }, 'editor', T2);

    expect(entries(live)).toHaveLength(1);
    expect(entries(live)[0].time).toBe(T2);
    expect(fieldsOf(live, 'editor')).toEqual({
      'f:spec': { 'f:b': {}, 'f:c': {} },
    });
  });

  it('changes nothing, timestamps included, for a write that changes nothing', () => {
    const live = write(undefined, cluster({ paused: false }), 'capi-ui', T1);

    // A PUT of what was read, by someone else: no entry for it.
    const again = write(live, structuredClone(live), 'kubectl', T3);
    expect(again).toEqual(live);

    // A client that leaves managedFields out does not lose them.
    const { managedFields: _, ...metadata } = live.metadata;
    const withoutThem = write(live, { ...live, metadata }, 'kubectl', T3);
    expect(withoutThem.metadata.managedFields).toEqual(
      live.metadata.managedFields,
    );
  });

  it('counts only changes to identity-free, non-system fields', () => {
    const live = write(undefined, cluster({ paused: false }), 'capi-ui', T1);
    const bumped = write(
      live,
      {
        ...live,
        metadata: { ...live.metadata, resourceVersion: '4', generation: 2 },
      },
      'controller',
      T2,
    );
    expect(bumped.metadata.managedFields).toEqual(live.metadata.managedFields);
  });

  it('tracks status writes apart from main-resource writes', () => {
    const live = write(undefined, cluster({ paused: false }), 'capi-ui', T1);

    const status = write(
      live,
      { ...live, spec: { paused: true }, status: { phase: 'Provisioned' } },
      'capi-controller',
      T2,
      { subresource: 'status' },
    );
    // Only status counts for a status write.
    expect(entries(status).map(e => [e.manager, e.subresource])).toEqual([
      ['capi-ui', undefined],
      ['capi-controller', 'status'],
    ]);
    expect(fieldsOf(status, 'capi-controller', 'Update', 'status')).toEqual({
      'f:status': { 'f:phase': {} },
    });

    // (The server keeps the stored spec on status writes.)
    const stored = { ...status, spec: live.spec };
    // A main-resource write ignores status, and leaves the status entry alone.
    const main = write(
      stored,
      { ...stored, spec: { paused: true }, status: { phase: 'Deleting' } },
      'capi-controller',
      T3,
    );
    expect(fieldsOf(main, 'capi-controller')).toEqual({
      'f:spec': { 'f:paused': {} },
    });
    expect(fieldsOf(main, 'capi-controller', 'Update', 'status')).toEqual({
      'f:status': { 'f:phase': {} },
    });
    expect(fieldsOf(main, 'capi-ui')).toBeUndefined();
  });

  it('records added map-list items as owned items', () => {
    const byName: ListTypeLookup = path =>
      path.join('.') === 'spec.workers'
        ? { type: 'map', keys: ['name'] }
        : undefined;
    const live = write(
      undefined,
      cluster({ workers: [{ name: 'md-0', replicas: 1 }] }),
      'capi-ui',
      T1,
      { listType: byName },
    );
    const added = write(
      live,
      {
        ...live,
        spec: {
          workers: [
            { name: 'md-0', replicas: 2 },
            { name: 'md-1', replicas: 1 },
          ],
        },
      },
      'kubectl-edit',
      T2,
      { listType: byName },
    );

    expect(fieldsOf(added, 'kubectl-edit')).toEqual({
      'f:spec': {
        'f:workers': {
          'k:{"name":"md-0"}': { 'f:replicas': {} },
          'k:{"name":"md-1"}': { '.': {}, 'f:name': {}, 'f:replicas': {} },
        },
      },
    });
    expect(fieldsOf(added, 'capi-ui')).toEqual({
      'f:spec': {
        'f:workers': { 'k:{"name":"md-0"}': { '.': {}, 'f:name': {} } },
      },
    });
  });

  it('takes managedFields a client sets explicitly, and clears them for [{}]', () => {
    const live = write(undefined, cluster({ paused: false }), 'capi-ui', T1);
    const replaced: ManagedFieldsEntry[] = [
      {
        manager: 'someone',
        operation: 'Apply',
        apiVersion: API,
        time: T1,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:spec': { 'f:paused': {} } },
      },
    ];
    const set = write(
      live,
      { ...live, metadata: { ...live.metadata, managedFields: replaced } },
      'kubectl',
      T2,
    );
    expect(set.metadata.managedFields).toEqual(replaced);

    const reset = write(
      live,
      { ...live, metadata: { ...live.metadata, managedFields: [{}] } },
      'kubectl',
      T2,
    );
    expect(reset.metadata).not.toHaveProperty('managedFields');
    expect(reset.spec).toEqual({ paused: false });
  });
});
