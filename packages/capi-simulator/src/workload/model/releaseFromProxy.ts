import yaml from 'js-yaml';
import { KubeObject } from '../../store/types';
import { hexOf } from '../random';
import { HelmReleaseDescription } from './description';

type Json = Record<string, any>;

/**
 * The Helm release a deployed HelmReleaseProxy stands for, as CAAPH installs
 * it: release name (CAAPH generates one when none is given), namespace,
 * chart, version, values and revision. Values that are not plain YAML
 * (Go templates CAAPH would render against the Cluster) count as none.
 */
export function releaseFromProxy(
  hrp: KubeObject,
  revision = Number((hrp.status as Json)?.revision ?? 0),
): HelmReleaseDescription | undefined {
  const spec = (hrp.spec ?? {}) as Json;
  if (!spec.chartName || revision < 1) return undefined;
  const ready = ((hrp.status as Json)?.conditions ?? []).find(
    (c: Json) => c.type === 'HelmReleaseReady' && c.status === 'True',
  );
  const created = hrp.metadata.creationTimestamp;
  return {
    name:
      spec.releaseName ||
      `${spec.chartName}-${hexOf(hrp.metadata.name, 5)}`.slice(0, 53),
    namespace: spec.namespace ?? 'default',
    chart: spec.chartName,
    version: String(spec.version ?? '0.0.0'),
    values: parseValues(spec.values),
    revision,
    firstDeployed: created,
    lastDeployed: ready?.lastTransitionTime ?? created,
  };
}

function parseValues(values: unknown): Record<string, unknown> {
  if (typeof values !== 'string' || values.includes('{{')) return {};
  try {
    const parsed = yaml.load(values);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
