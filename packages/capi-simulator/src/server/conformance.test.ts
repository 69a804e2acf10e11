import * as k8s from '@kubernetes/client-node';
import { RunningSimulator, startSimulator } from '../Simulator';

// The API server semantics the product relies on, through @kubernetes/client-node.
describe('Kubernetes API conformance of the simulator', () => {
  let sim: RunningSimulator;
  let kc: k8s.KubeConfig;
  let api: k8s.KubernetesObjectApi;

  beforeAll(async () => {
    sim = await startSimulator({ watchHistorySize: 50, controllers: false });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig());
    api = k8s.KubernetesObjectApi.makeApiClient(kc);
  });
  afterAll(() => sim.stop());

  const md = (
    name: string,
    replicas: number,
    extra: Record<string, unknown> = {},
  ) => ({
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'MachineDeployment',
    metadata: { name, namespace: 'default', ...extra },
    spec: {
      clusterName: 'c1',
      replicas,
      template: { spec: { clusterName: 'c1', version: 'v1.33.4' } },
    },
  });
  const ref = (name: string) => ({
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'MachineDeployment',
    metadata: { name, namespace: 'default' },
  });
  const fetchRaw = (path: string, init: RequestInit = {}) =>
    fetch(`${sim.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${sim.token}`,
        ...(init.headers as Record<string, string>),
      },
    });

  it('server-side apply: creates, tracks managers, conflicts between managers, and force takes ownership', async () => {
    const created: any = await api.patch(
      md('ssa', 2),
      undefined,
      undefined,
      'palette',
      false,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(created.spec.replicas).toBe(2);
    expect(created.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'palette',
        operation: 'Apply',
        fieldsType: 'FieldsV1',
      }),
    ]);
    await expect(
      api.patch(
        md('ssa', 5),
        undefined,
        undefined,
        'someone-else',
        false,
        k8s.PatchStrategy.ServerSideApply,
      ),
    ).rejects.toMatchObject({
      code: 409,
      body: expect.stringContaining('conflict with \\"palette\\"'),
    });

    const forced: any = await api.patch(
      md('ssa', 5),
      undefined,
      undefined,
      'someone-else',
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(forced.spec.replicas).toBe(5);
    const again: any = await api.patch(
      md('ssa', 5),
      undefined,
      undefined,
      'someone-else',
      false,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(again.metadata.resourceVersion).toBe(
      forced.metadata.resourceVersion,
    );
  });

  it('merge patch and JSON patch change the object; strategic merge patch of a custom resource is 415', async () => {
    await api.create(md('patched', 1));
    const merged: any = await api.patch(
      { ...ref('patched'), spec: { replicas: 3 } } as any,
      undefined,
      undefined,
      'test',
      false,
      k8s.PatchStrategy.MergePatch,
    );
    expect(merged.spec.replicas).toBe(3);
    expect(merged.metadata.generation).toBe(2);
    const res = await fetchRaw(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machinedeployments/patched',
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json-patch+json' },
        body: JSON.stringify([
          { op: 'replace', path: '/spec/replicas', value: 4 },
        ]),
      },
    );
    expect((await res.json()).spec.replicas).toBe(4);
    const strategic = await fetchRaw(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machinedeployments/patched',
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
        body: '{}',
      },
    );
    expect(strategic.status).toBe(415);
    expect(await strategic.json()).toMatchObject({
      kind: 'Status',
      reason: 'UnsupportedMediaType',
      code: 415,
    });
  });

  it('the status subresource changes status only, without bumping generation', async () => {
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const created: any = await api.create(md('withstatus', 1));
    const updated: any = await custom.replaceNamespacedCustomObjectStatus({
      group: 'cluster.x-k8s.io',
      version: 'v1beta2',
      namespace: 'default',
      plural: 'machinedeployments',
      name: 'withstatus',
      body: {
        ...created,
        spec: { ...created.spec, replicas: 9 },
        status: { replicas: 1, readyReplicas: 1 },
      },
    });
    expect(updated.status).toEqual({ replicas: 1, readyReplicas: 1 });
    expect(updated.spec.replicas).toBe(1);
    expect(updated.metadata.generation).toBe(1);
    // And the main resource ignores status.
    const replaced: any = await api.replace({
      ...updated,
      status: { replicas: 7 },
    });
    expect(replaced.status).toEqual({ replicas: 1, readyReplicas: 1 });
  });

  it('finalizers hold a deleted object until they are removed; owner references cascade', async () => {
    const owner: any = await api.create(
      md('owner', 1, { finalizers: ['example.com/hold'] }),
    );
    await api.create(
      md('child', 1, {
        ownerReferences: [
          {
            apiVersion: owner.apiVersion,
            kind: owner.kind,
            name: 'owner',
            uid: owner.metadata.uid,
          },
        ],
      }),
    );
    await api.delete(ref('owner'));
    const marked: any = await api.read(ref('owner'));
    expect(marked.metadata.deletionTimestamp).toBeTruthy();
    expect(await api.read(ref('child'))).toBeTruthy();
    await api.replace({
      ...marked,
      metadata: { ...marked.metadata, finalizers: [] },
    });
    await expect(api.read(ref('owner'))).rejects.toMatchObject({ code: 404 });
    await expect(api.read(ref('child'))).rejects.toMatchObject({ code: 404 });
  });

  it('paginates with limit and continue, and filters by field selector', async () => {
    for (const n of ['p1', 'p2', 'p3', 'p4', 'p5'])
      await api.create(md(n, 1, { labels: { page: 'yes' } }));
    // KubernetesObjectApi.list drops ListMeta's continue token when it
    // deserializes; CustomObjectsApi returns the list as the server sent it.
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page: any = await custom.listNamespacedCustomObject({
        group: 'cluster.x-k8s.io',
        version: 'v1beta2',
        namespace: 'default',
        plural: 'machinedeployments',
        labelSelector: 'page=yes',
        limit: 2,
        _continue: token,
      });
      names.push(...page.items.map((i: any) => i.metadata.name));
      token = page.metadata.continue;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(names).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    const one = await api.list(
      'cluster.x-k8s.io/v1beta2',
      'MachineDeployment',
      'default',
      undefined,
      undefined,
      undefined,
      'metadata.name=p3',
    );
    expect(one.items.map(i => i.metadata!.name)).toEqual(['p3']);
  });

  it('answers a watch from a too-old resourceVersion with 410 Gone, as informers expect', async () => {
    for (let i = 0; i < 60; i++) await api.create(md(`churn-${i}`, 1));
    const events: Array<{ type: string; object: any }> = [];
    await new Promise<void>(resolve => {
      new k8s.Watch(kc).watch(
        '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machinedeployments',
        { resourceVersion: '2' },
        (type, object) => events.push({ type, object }),
        () => resolve(),
      );
    });
    expect(events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
        }),
      },
    ]);
  });

  it('reports errors as Status objects with reason and code', async () => {
    const noName = await fetchRaw(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machinedeployments',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'MachineDeployment',
          metadata: {},
        }),
      },
    );
    expect(noName.status).toBe(422);
    expect(await noName.json()).toMatchObject({
      reason: 'Invalid',
      details: {
        causes: [expect.objectContaining({ field: 'metadata.name' })],
      },
    });
    const badJson = await fetchRaw(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machinedeployments',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      },
    );
    expect(badJson.status).toBe(400);
    const wrongType = await fetchRaw(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machinedeployments',
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      },
    );
    expect(wrongType.status).toBe(415);
    const badSelector = await fetchRaw(
      '/apis/cluster.x-k8s.io/v1beta2/machinedeployments?labelSelector=in%20(',
      {},
    );
    expect(badSelector.status).toBe(400);
    const missing = await fetchRaw(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/machinedeployments/nope',
    );
    expect(await missing.json()).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      code: 404,
    });
  });
});
