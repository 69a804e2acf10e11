import type { ValidationMessage } from '@palette-backstage/plugin-palette-common';
import type { KubeObject, RenderInput, RenderResult } from '../types';
import { renderAddOns } from './addons';
import { warnAboutInlineSecrets } from './addons/sensitiveValues';
import { checkRequest } from './checks';
import { buildContext } from './classifyLayers';
import { checkCompatibility } from './compatibility';
import { layerSources, resolveLayers } from './layers';
import { RenderMessages } from './messages';
import { checkProvider, PROVIDER_RENDERERS } from './providers';
import { renderTopology } from './topology';

/**
 * `renderCluster`'s result with every message, including the warnings and
 * infos of a successful render (a dry run shows them).
 */
export type RenderResultWithMessages =
  | {
      ok: true;
      objects: KubeObject[];
      kubernetesVersion: string;
      messages: ValidationMessage[];
    }
  | { ok: false; messages: ValidationMessage[] };

/**
 * Renders a cluster request into the Cluster API objects for its provider,
 * or reports every problem at once. The objects are in apply order:
 * templates, the cluster's ClusterClass, the Cluster (and, for EKS, its node
 * groups), then the add-ons. Every object carries the `palette.io/*` labels.
 * Rendering is pure: the same input gives the same objects, byte for byte.
 */
export function renderClusterWithMessages(
  input: RenderInput,
): RenderResultWithMessages {
  const messages = new RenderMessages();
  const cloudType = checkRequest(input, messages);
  if (!cloudType) return { ok: false, messages: messages.list() };

  const provider = PROVIDER_RENDERERS[cloudType];
  const layers = resolveLayers(input, layerSources(input), cloudType, messages);
  const ctx = buildContext(input, cloudType, layers, messages);
  if (!ctx) return { ok: false, messages: messages.list() };

  checkCompatibility(
    input.request.name,
    ctx.kubernetes.kind.kubernetesVersion,
    layers,
    messages,
  );
  checkProvider(ctx, provider);
  // Rendered even when there are errors already: rendering finds the
  // remaining ones (machine sizes, node labels), so all come back at once.
  const output = provider.render(ctx);
  const objects = [
    ...('topology' in output
      ? renderTopology(ctx, output.topology)
      : output.objects),
    ...renderAddOns(ctx),
  ];
  warnAboutInlineSecrets(ctx);

  if (messages.hasErrors) return { ok: false, messages: messages.list() };
  return {
    ok: true,
    objects,
    kubernetesVersion: ctx.kubernetesVersion,
    messages: messages.list(),
  };
}

/** Renders a cluster request (see `renderClusterWithMessages`). */
export function renderCluster(input: RenderInput): RenderResult {
  const result = renderClusterWithMessages(input);
  return result.ok
    ? {
        ok: true,
        objects: result.objects,
        kubernetesVersion: result.kubernetesVersion,
      }
    : { ok: false, messages: result.messages };
}
