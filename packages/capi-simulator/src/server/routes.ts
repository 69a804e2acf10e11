/** What a request path under `/api` or `/apis` names. */
export interface ResourcePath {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** What a discovery path names. */
export type DiscoveryPath =
  | { kind: 'version' }
  | { kind: 'coreVersions' }
  | { kind: 'groups' }
  | { kind: 'group'; group: string }
  | { kind: 'groupVersion'; group: string; version: string };

/**
 * Parses a request path into a discovery request, a resource request, or
 * nothing (404). Mirrors the API server's URL layout:
 * `/api/v1[/namespaces/{ns}]/{plural}[/{name}[/{sub}]]` and
 * `/apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{sub}]]`.
 */
export function parsePath(
  pathname: string,
): DiscoveryPath | ResourcePath | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 1 && parts[0] === 'version') return { kind: 'version' };
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'coreVersions' };
    if (parts[1] !== 'v1') return undefined;
    if (parts.length === 2)
      return { kind: 'groupVersion', group: '', version: 'v1' };
    return resourcePath('', 'v1', parts.slice(2));
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'groups' };
    if (parts.length === 2) return { kind: 'group', group: parts[1] };
    if (parts.length === 3)
      return { kind: 'groupVersion', group: parts[1], version: parts[2] };
    return resourcePath(parts[1], parts[2], parts.slice(3));
  }
  return undefined;
}

function resourcePath(
  group: string,
  version: string,
  rest: string[],
): ResourcePath | undefined {
  // `namespaces/{ns}/{plural}...` addresses namespaced objects; a bare
  // `namespaces[/{name}[/status]]` addresses Namespace objects themselves.
  const namespaceSubresource =
    group === '' &&
    rest.length === 3 &&
    ['status', 'finalize'].includes(rest[2]);
  if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceSubresource) {
    const [, namespace, plural, name, subresource] = rest;
    if (rest.length > 5) return undefined;
    return { group, version, plural, namespace, name, subresource };
  }
  const [plural, name, subresource] = rest;
  if (rest.length > 3) return undefined;
  return { group, version, plural, name, subresource };
}

export function isDiscovery(
  p: DiscoveryPath | ResourcePath,
): p is DiscoveryPath {
  return 'kind' in p;
}
