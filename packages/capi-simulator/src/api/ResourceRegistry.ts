import { ResourceType } from './resourceTypes';

/**
 * Every kind the server serves, indexed the ways requests look them up.
 *
 * @public
 */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceType>();

  constructor(types: ResourceType[] = []) {
    types.forEach(t => this.register(t));
  }

  register(type: ResourceType): void {
    this.byPath.set(
      ResourceRegistry.pathKey(type.group, type.version, type.plural),
      type,
    );
  }

  /** The type served at `/apis/{group}/{version}/{plural}` (group `''` for `/api/v1`). */
  find(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.byPath.get(ResourceRegistry.pathKey(group, version, plural));
  }

  /**
   * The type of a kind in a group, whatever version it is served at
   * (objects are stored per group and plural, as etcd keys them).
   */
  findKind(group: string, kind: string): ResourceType | undefined {
    return this.all().find(t => t.group === group && t.kind === kind);
  }

  /** The type an object's `apiVersion` and `kind` name. */
  forObject(obj: {
    apiVersion: string;
    kind: string;
  }): ResourceType | undefined {
    const [group, version] = obj.apiVersion.includes('/')
      ? obj.apiVersion.split('/')
      : ['', obj.apiVersion];
    return this.all().find(
      t => t.group === group && t.version === version && t.kind === obj.kind,
    );
  }

  all(): ResourceType[] {
    return [...this.byPath.values()];
  }

  /**
   * Groups with their versions, in Kubernetes version priority (GA, then
   * beta, then alpha, newest first), so the first is the preferred version.
   */
  groups(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const t of this.byPath.values()) {
      if (!t.group) continue;
      const versions = result.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      result.set(t.group, versions);
    }
    for (const versions of result.values()) versions.sort(compareKubeVersions);
    return result;
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all().filter(t => t.group === group && t.version === version);
  }

  private static pathKey(group: string, version: string, plural: string) {
    return `${group}/${version}/${plural}`;
  }
}

const STABILITY: Record<string, number> = { alpha: 1, beta: 2 };

/** Orders API versions as Kubernetes does: v2 > v1 > v1beta2 > v1beta1 > v1alpha1. */
export function compareKubeVersions(a: string, b: string): number {
  const rank = (v: string) => {
    const m = v.match(/^v(\d+)(?:(alpha|beta)(\d+))?$/);
    if (!m) return [0, 0, 0];
    const stability = STABILITY[m[2] ?? ''] ?? 3;
    return [stability, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [sa, ma, na] = rank(a);
  const [sb, mb, nb] = rank(b);
  return sb - sa || mb - ma || nb - na;
}
