import type { DiscoveryPath } from '../server/routes';
import { StatusError } from '../server/StatusError';
import { ResourceRegistry } from './ResourceRegistry';
import { ResourceType } from './resourceTypes';

/** The Kubernetes version the simulated API server reports. */
export const SIMULATED_KUBERNETES_VERSION = {
  major: '1',
  minor: '34',
  gitVersion: 'v1.34.2',
};

export function versionInfo() {
  return {
    ...SIMULATED_KUBERNETES_VERSION,
    gitCommit: 'capi-simulator',
    gitTreeState: 'clean',
    buildDate: '2026-11-01T00:00:00Z',
    goVersion: 'go1.24.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function coreApiVersions() {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [],
  };
}

export function apiGroupList(registry: ResourceRegistry) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...registry.groups()].map(([name, versions]) =>
      apiGroup(name, versions),
    ),
  };
}

export function apiGroup(name: string, versions: string[]) {
  const list = versions.map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name,
    versions: list,
    preferredVersion: list[0],
  };
}

const ALL_VERBS = [
  'create',
  'delete',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export function apiResourceList(
  groupVersion: string,
  types: ResourceType[],
  verbs: string[] = ALL_VERBS,
) {
  const resources = types.flatMap(t => {
    const main = {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    };
    const status = {
      name: `${t.plural}/status`,
      singularName: '',
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: ['get', 'patch', 'update'],
    };
    return t.hasStatus ? [main, status] : [main];
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

/**
 * The discovery document a path names, of an API server serving `registry`
 * with `verbs` on its resources and reporting `version` at `/version`.
 */
export function discoveryDocument(
  registry: ResourceRegistry,
  p: DiscoveryPath,
  options: { version: () => unknown; verbs?: string[] },
): unknown {
  switch (p.kind) {
    case 'version':
      return options.version();
    case 'coreVersions':
      return coreApiVersions();
    case 'groups':
      return apiGroupList(registry);
    case 'group': {
      const versions = registry.groups().get(p.group);
      if (!versions) throw StatusError.notFound('groups', p.group);
      return apiGroup(p.group, versions);
    }
    case 'groupVersion': {
      const types = registry.inGroupVersion(p.group, p.version);
      if (!types.length)
        throw new StatusError(
          404,
          'NotFound',
          'the server could not find the requested resource',
        );
      return apiResourceList(
        p.group ? `${p.group}/${p.version}` : p.version,
        types,
        options.verbs,
      );
    }
    default:
      throw new StatusError(404, 'NotFound', 'not found');
  }
}
