import type { KubeObject } from '../../types';
import type { AddOnContext } from '../context';
import { clusterResourceSet } from './clusterResourceSet';
import { helmChartProxy } from './helmChartProxy';

/**
 * The cluster's network, storage and add-on layers (infra/full profile and
 * add-on profiles) as CAAPH HelmChartProxies and ClusterResourceSets, in
 * install order. Layers the managed service provides (`ctx.managed`) are not
 * installed: the provider renderer configures the service with them.
 */
export function renderAddOns(ctx: AddOnContext): KubeObject[] {
  return ctx.addOns.flatMap(layer => {
    const kind = layer.pack.kind;
    switch (kind.type) {
      case 'helm':
        return [helmChartProxy(ctx, layer, kind)];
      case 'manifests':
        return clusterResourceSet(ctx, layer, kind);
      default:
        // OS and Kubernetes packs are never add-on layers (see `classifyLayers`).
        return [];
    }
  });
}

export { escapeGoTemplate } from './goTemplate';
export { helmValuesTemplate } from './helmChartProxy';
