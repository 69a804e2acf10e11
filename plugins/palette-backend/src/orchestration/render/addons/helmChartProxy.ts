import type { HelmPackKind } from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import type { KubeObject } from '../../types';
import { API } from '../apiVersions';
import { AddOnContext, layerLabels, RenderLayer } from '../context';
import { clusterSelector } from '../labels';
import { clusterObjectName } from '../names';
import { namespacedObject } from '../objects';
import { escapeGoTemplate } from './goTemplate';

/** The values as CAAPH's `valuesTemplate`: YAML, Go-template braces escaped. */
export function helmValuesTemplate(values: Record<string, unknown>): string {
  const text = yaml.dump(values, {
    lineWidth: -1, // folded lines would be fine YAML, but unreadable diffs
    noRefs: true,
  });
  return escapeGoTemplate(text);
}

/**
 * A Helm pack layer as a CAAPH HelmChartProxy `<cluster>-<pack>`, which
 * installs the chart on the Cluster labelled `palette.io/cluster: <cluster>`.
 * OCI charts keep their `oci://` repository URL, which CAAPH understands.
 */
export function helmChartProxy(
  ctx: AddOnContext,
  layer: RenderLayer,
  kind: HelmPackKind,
): KubeObject {
  const hasValues = Object.keys(layer.values).length > 0;
  return namespacedObject(
    ctx.namespace,
    {
      apiVersion: API.helm,
      kind: 'HelmChartProxy',
      name: clusterObjectName(ctx.request.name, layer.pack.name),
    },
    {
      spec: {
        clusterSelector: clusterSelector(ctx.request.name),
        repoURL: kind.repository,
        chartName: kind.chart,
        version: kind.chartVersion,
        namespace: kind.namespace,
        releaseName: kind.releaseName ?? layer.pack.name,
        ...(hasValues
          ? { valuesTemplate: helmValuesTemplate(layer.values) }
          : {}),
      },
    },
    layerLabels(ctx, layer),
  );
}
