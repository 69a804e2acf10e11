import type { KubeObject } from '../types';
import { groupOf } from './apiVersions';
import { infrastructureLabels, RenderContext } from './context';
import { templateName } from './names';

/** A namespaced object of the cluster, labelled as infrastructure unless told otherwise. */
export function clusterObject(
  ctx: RenderContext,
  head: { apiVersion: string; kind: string; name: string },
  body: Record<string, unknown>,
  labels: Record<string, string> = infrastructureLabels(ctx),
  annotations?: Record<string, string>,
): KubeObject {
  return namespacedObject(ctx.namespace, head, body, labels, annotations);
}

/** An object in the clusters' namespace with these labels. */
export function namespacedObject(
  namespace: string,
  head: { apiVersion: string; kind: string; name: string },
  body: Record<string, unknown>,
  labels: Record<string, string>,
  annotations?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: head.apiVersion,
    kind: head.kind,
    metadata: {
      name: head.name,
      namespace,
      labels,
      ...(annotations ? { annotations } : {}),
    },
    ...body,
  };
}

/**
 * What a provider says about one template: its type, the role it plays
 * (part of its name: `cluster`, `control-plane`, `<pool>`...) and the
 * content of `spec.template.spec`.
 */
export interface TemplateDesign {
  apiVersion: string;
  kind: string;
  role: string;
  /**
   * `spec.template.spec`; absent for templates whose CRD wants none (an
   * empty object is written as such: some CRDs require the field).
   */
  spec?: Record<string, unknown>;
}

/** The template object, named after its content (see `templateName`). */
export function templateObject(
  ctx: RenderContext,
  design: TemplateDesign,
): KubeObject {
  const content = {
    apiVersion: design.apiVersion,
    kind: design.kind,
    spec: design.spec,
  };
  return clusterObject(
    ctx,
    {
      apiVersion: design.apiVersion,
      kind: design.kind,
      name: templateName(ctx.request.name, design.role, content),
    },
    { spec: { template: design.spec ? { spec: design.spec } : {} } },
  );
}

/** A ClusterClass `templateRef` (v1beta2 keeps `apiVersion` there). */
export function templateRef(object: KubeObject) {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
  };
}

/** A v1beta2 contract reference: `{apiGroup, kind, name}`, no version. */
export function contractRef(object: KubeObject) {
  return {
    apiGroup: groupOf(object.apiVersion),
    kind: object.kind,
    name: object.metadata.name,
  };
}
