import { createHash } from 'node:crypto';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { ResourceType } from '../api/resourceTypes';
import { SIMULATED_KUBERNETES_VERSION } from '../api/discovery';

/** Gives the OpenAPI v3 schema of a served type, when one is known (from its CRD). */
export type SchemaSource = (
  type: ResourceType,
) => Record<string, unknown> | undefined;

/** The media type kubectl asks `/openapi/v2` for. */
export const OPENAPI_V2_PROTOBUF =
  'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

const INFO = {
  title: 'Kubernetes',
  version: SIMULATED_KUBERNETES_VERSION.gitVersion,
};

const groupVersionPath = (t: ResourceType) =>
  t.group ? `apis/${t.group}/${t.version}` : `api/${t.version}`;

/** A definition name as kube-apiserver writes them, e.g. `io.x-k8s.cluster.v1beta2.Cluster`. */
function definitionName(t: ResourceType): string {
  const reversed = t.group
    ? t.group.split('.').reverse().join('.')
    : 'io.k8s.api.core';
  return `${reversed}.${t.version}.${t.kind}`;
}

function definitions(types: ResourceType[], schemaOf: SchemaSource) {
  const schemas: Record<string, unknown> = {};
  for (const t of types) {
    schemas[definitionName(t)] = {
      // Without a CRD schema, accept any object, as for a CRD with
      // x-kubernetes-preserve-unknown-fields at its root.
      ...(schemaOf(t) ?? {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
      }),
      'x-kubernetes-group-version-kind': [
        { group: t.group, version: t.version, kind: t.kind },
      ],
    };
  }
  return schemas;
}

function objectPath(t: ResourceType): string {
  const namespace = t.namespaced ? '/namespaces/{namespace}' : '';
  return `/${groupVersionPath(t)}${namespace}/${t.plural}/{name}`;
}

/**
 * The PATCH operation of a type, declaring the `fieldValidation` query
 * parameter, as kube-apiserver does: kubectl then leaves field validation
 * to the server instead of validating against a Swagger v2 document.
 */
function patchOperation(t: ResourceType) {
  return {
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': {
      group: t.group,
      version: t.version,
      kind: t.kind,
    },
    parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map(
      name => ({
        name,
        in: 'query',
        schema: {
          type: name === 'force' ? 'boolean' : 'string',
          uniqueItems: true,
        },
      }),
    ),
  };
}

/** `GET /openapi/v3`: one entry per group-version, as kube-apiserver publishes it. */
export function openApiIndex(registry: ResourceRegistry) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of new Set(registry.all().map(groupVersionPath))) {
    const hash = createHash('sha256')
      .update(gv)
      .digest('hex')
      .slice(0, 16)
      .toUpperCase();
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash}` };
  }
  return { paths };
}

/** `GET /openapi/v3/apis/{group}/{version}`: the paths and schemas of that group-version. */
export function openApiGroupVersion(
  registry: ResourceRegistry,
  group: string,
  version: string,
  schemaOf: SchemaSource,
) {
  const types = registry.inGroupVersion(group, version);
  if (!types.length) return undefined;
  return {
    openapi: '3.0.0',
    info: INFO,
    paths: Object.fromEntries(
      types.map(t => [objectPath(t), { patch: patchOperation(t) }]),
    ),
    components: { schemas: definitions(types, schemaOf) },
  };
}

/** `GET /openapi/v2` as JSON: every definition in one Swagger document. */
export function openApiV2(registry: ResourceRegistry, schemaOf: SchemaSource) {
  return {
    swagger: '2.0',
    info: INFO,
    paths: {},
    definitions: definitions(registry.all(), schemaOf),
  };
}

function protoField(field: number, payload: Buffer): Buffer {
  // Length-delimited field (wire type 2); every payload here is under 128 bytes.
  return Buffer.concat([
    Buffer.from([(field << 3) | 2, payload.length]),
    payload,
  ]);
}

/**
 * `GET /openapi/v2` as protobuf: a minimal gnostic `Document` (swagger, info,
 * empty paths). kubectl insists on downloading it before it applies, finds no
 * definitions, and leaves validation to the server (see the v3 paths).
 */
export function openApiV2Protobuf(): Buffer {
  const info = Buffer.concat([
    protoField(1, Buffer.from(INFO.title)),
    protoField(2, Buffer.from(INFO.version)),
  ]);
  return Buffer.concat([
    protoField(1, Buffer.from('2.0')),
    protoField(2, info),
    protoField(8, Buffer.alloc(0)),
  ]);
}
