import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  ClusterDetails,
  ClusterRequest,
} from '@palette-backstage/plugin-palette-common';
import { PaletteClusterClient } from '../client/PaletteClusterClient';

/** Test helpers: a scripted palette-backend behind an injected `fetch`. */

/** The user who runs the template in the tests. */
export const INITIATOR_REF = 'user:default/alice';
export const initiator = mockCredentials.user(INITIATOR_REF);

/** The token palette-backend receives for calls on behalf of `credentials`. */
export const tokenFor = (credentials: BackstageCredentials = initiator) =>
  mockCredentials.service.token({
    onBehalfOf: credentials,
    targetPluginId: 'palette',
  });

/** One request palette-backend received. */
export interface PaletteRequest {
  method: string;
  /** Path under `/api/palette`, without the query. */
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  body?: unknown;
}

/** A JSON reply. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A Backstage error reply, as palette-backend's error handler sends it. */
export function errorReply(
  status: number,
  name: string,
  message: string,
): Response {
  return json(
    {
      error: { name, message },
      request: { method: 'POST', url: '/api/palette/clusters' },
      response: { statusCode: status },
    },
    status,
  );
}

/**
 * A palette-backend whose replies the test scripts with `route`, recording
 * every request. Only requests under `/api/palette` are expected.
 */
export function fakePalette(
  route: (request: PaletteRequest) => Response | Promise<Response>,
) {
  const requests: PaletteRequest[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const prefix = '/api/palette';
    if (!url.pathname.startsWith(prefix)) {
      throw new Error(`Unexpected request to ${url}`);
    }
    const headers = new Headers(init?.headers);
    const request: PaletteRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname.slice(prefix.length),
      query: url.searchParams,
      authorization: headers.get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    requests.push(request);
    return route(request);
  };
  const auth = mockServices.auth();
  const client = new PaletteClusterClient({
    discovery: mockServices.discovery(),
    auth,
    fetch: fetchFn,
  });
  return { client, auth, requests };
}

/** Replies in turn, then the last one again and again. */
export function inTurn(...replies: Array<() => Response>) {
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)]();
}

/** A valid cluster request, as a template sends it. */
export function clusterRequest(
  overrides: Partial<ClusterRequest> = {},
): ClusterRequest {
  return {
    name: 'demo',
    profile: { name: 'dev-full', version: '1.1.0' },
    addOnProfiles: [],
    variables: {},
    cloudAccount: 'local',
    region: 'local',
    controlPlane: { replicas: 1 },
    workerPools: [{ name: 'workers', instanceType: 'medium', count: 2 }],
    owner: 'group:default/team-apollo',
    project: 'system:default/payments',
    environment: 'dev',
    ...overrides,
  };
}

/** The details palette-backend answers for a cluster. */
export function clusterDetails(
  overrides: Partial<ClusterDetails> = {},
): ClusterDetails {
  const request = overrides.request ?? clusterRequest();
  return {
    name: request.name,
    phase: 'Requested',
    phaseSince: '2026-11-24T10:00:00Z',
    provider: 'dev',
    region: request.region,
    cloudAccount: request.cloudAccount,
    owner: request.owner,
    project: request.project,
    environment: request.environment,
    profile: request.profile,
    addOnProfiles: request.addOnProfiles,
    managementCluster: 'embedded',
    kubernetesVersion: '1.34.10',
    paused: false,
    nodes: { ready: 0, desired: 3 },
    drifted: false,
    createdAt: '2026-11-24T10:00:00Z',
    createdBy: INITIATOR_REF,
    updatedAt: '2026-11-24T10:00:00Z',
    request,
    conditions: [],
    controlPlane: { managed: false },
    pools: [],
    drift: [],
    objects: [],
    ...overrides,
  };
}

/** An approval awaiting the platform team. */
export function pendingApproval(
  name = 'demo',
): NonNullable<ClusterDetails['approval']> {
  const request = clusterRequest({ name });
  return {
    cluster: name,
    state: 'Pending',
    requestedBy: INITIATOR_REF,
    requestedAt: '2026-11-24T10:00:00Z',
    approverGroup: 'group:default/platform-team',
    expiresAt: '2026-12-01T10:00:00Z',
    summary: {
      owner: request.owner,
      project: request.project,
      environment: 'production',
      profile: request.profile,
      addOnProfiles: [],
      cloudAccount: request.cloudAccount,
      region: request.region,
      nodes: 5,
      estimatedMonthlyCost: 420,
    },
  };
}
