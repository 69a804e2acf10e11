import { StatusError } from '../../server/StatusError';
import { ExistingClusterHealth, ExistingClusters } from './ExistingClusters';
import { existingClusterKubeconfig } from './kubeconfig';

/** An answer of the simulator's own endpoints: JSON or a YAML document. */
export type SimulatorReply = { json: unknown } | { yaml: string };

/**
 * The simulator's own endpoints for existing clusters, a local-development
 * aid (the simulator is never production): list them, get one's kubeconfig
 * to import it, and break or heal it.
 *
 * - `GET /simulator/existing-clusters`: `{ items: [{ name, health }] }`
 * - `GET /simulator/existing-clusters/{name}/kubeconfig`: the kubeconfig (YAML)
 * - `PUT /simulator/existing-clusters/{name}/health` with `{ "health": "degraded" }`
 */
export function existingClusterRoute(
  clusters: ExistingClusters,
  base: string,
  method: string,
  path: string[],
  body: unknown,
): SimulatorReply {
  const [collection, name, sub, ...extra] = path;
  if (collection !== 'existing-clusters' || extra.length)
    throw new StatusError(
      404,
      'NotFound',
      'the server could not find the requested resource',
    );
  if (name === undefined) {
    allow(method, 'GET');
    return {
      json: {
        items: clusters
          .names()
          .map(n => ({ name: n, health: clusters.health(n) })),
      },
    };
  }
  if (!clusters.has(name)) throw StatusError.notFound('existingclusters', name);
  switch (sub) {
    case 'kubeconfig':
      allow(method, 'GET');
      return { yaml: existingClusterKubeconfig(base, name) };
    case 'health': {
      if (method === 'GET')
        return { json: { name, health: clusters.health(name) } };
      allow(method, 'PUT');
      const health = (body as { health?: unknown } | undefined)?.health;
      if (typeof health !== 'string')
        throw StatusError.badRequest(
          'the body must be {"health": "healthy" | "degraded" | "unreachable"}',
        );
      clusters.setHealth(name, health as ExistingClusterHealth);
      return { json: { name, health } };
    }
    default:
      throw new StatusError(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
  }
}

function allow(method: string, allowed: string) {
  if (method !== allowed)
    throw new StatusError(
      405,
      'MethodNotAllowed',
      `method ${method} not allowed`,
    );
}
