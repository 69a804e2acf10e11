import http from 'node:http';
import { AddressInfo } from 'node:net';
import yaml from 'js-yaml';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { ResourceType } from '../api/resourceTypes';
import { discoveryDocument, versionInfo } from '../api/discovery';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/types';
import { isDiscovery, parsePath, ResourcePath } from './routes';
import { StatusError } from './StatusError';
import { serveWatch } from './watch';
import { WorkloadApi, WorkloadUnreachableError } from '../workload/WorkloadApi';
import { ExistingClusters } from '../workload/existing/ExistingClusters';
import { existingClusterRoute } from '../workload/existing/existingClusterRoutes';
import {
  ObjectWriter,
  PatchKind,
  SchemaLookup,
  WriteContext,
  WriteResult,
} from './ObjectWriter';
import {
  OPENAPI_V2_PROTOBUF,
  openApiGroupVersion,
  openApiIndex,
  openApiV2,
  openApiV2Protobuf,
  SchemaSource,
} from './openapi';

/** Options of the simulated API server. @public */
export interface ApiServerOptions {
  registry: ResourceRegistry;
  store: ObjectStore;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** OpenAPI schemas of served types (from CRDs), for `/openapi/v3`. */
  schemaOf?: SchemaSource;
  /** Structural schemas of served types (from CRDs), for admission of writes. */
  schemaFor?: SchemaLookup;
  /** Standalone clusters served under `/workload/existing/{name}`. */
  existingClusters?: ExistingClusters;
}

const PATCH_KINDS: Record<string, PatchKind> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
};

const FIELD_VALIDATION = ['Strict', 'Warn', 'Ignore'] as const;

/** Reads the write options of a request as kube-apiserver does. */
function writeContext(
  req: http.IncomingMessage,
  q: URLSearchParams,
  p?: ResourcePath,
): WriteContext {
  const requested = q.get('fieldValidation') ?? 'Warn';
  const fieldValidation = FIELD_VALIDATION.find(v => v === requested);
  if (!fieldValidation)
    throw StatusError.badRequest(
      `fieldValidation must be one of Strict, Warn, Ignore; got "${requested}"`,
    );
  // Without ?fieldManager= the API server names the manager after the user agent.
  const userAgent = (req.headers['user-agent'] ?? 'unknown').split('/')[0];
  return {
    manager: q.get('fieldManager') ?? userAgent,
    dryRun: q.get('dryRun') === 'All',
    fieldValidation,
    subresource: p?.subresource === 'status' ? 'status' : undefined,
    force: q.get('force') === 'true',
  };
}

const MAX_BODY_BYTES = 3 * 1024 * 1024; // the API server's request size limit

/**
 * The HTTP front of the simulator: Kubernetes URL layout, verbs, content
 * types and `Status` errors, over an {@link ObjectStore}.
 *
 * @public
 */
export class ApiServer {
  readonly server: http.Server;
  private readonly writer: ObjectWriter;
  private readonly workload: WorkloadApi;
  private readonly existingClusters: ExistingClusters;

  constructor(private readonly options: ApiServerOptions) {
    this.writer = new ObjectWriter(options.store, options.schemaFor);
    this.existingClusters =
      options.existingClusters ?? new ExistingClusters([]);
    this.workload = new WorkloadApi(
      options.store,
      options.registry,
      this.existingClusters,
    );
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(error => {
        // An unreachable simulated cluster answers nothing at all.
        if (error instanceof WorkloadUnreachableError) req.socket.destroy();
        else sendError(res, error);
      });
    });
    // Watches are long-lived; the API server keeps connections open.
    this.server.keepAliveTimeout = 60_000;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    return `http://${host}:${address.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname.startsWith('/workload/')) {
      // A simulated workload cluster: its own credentials, not the management cluster's.
      if (req.method !== 'GET')
        throw new StatusError(
          405,
          'MethodNotAllowed',
          'the simulated workload API is read-only',
        );
      const path = url.pathname
        .split('/')
        .filter(Boolean)
        .slice(1)
        .map(decodeURIComponent);
      sendJson(
        res,
        200,
        this.workload.handle(path, url.searchParams, req.headers.authorization),
      );
      return;
    }
    const publicInfo = ['/version', '/healthz', '/livez', '/readyz'].includes(
      url.pathname,
    );
    if (this.options.token) {
      // As kube-apiserver: wrong credentials are always refused; requests
      // with none are anonymous, and anonymous may read version and health
      // (system:public-info-viewer; kubectl's dispatcher probes /version so).
      const header = req.headers.authorization;
      const anonymousAllowed = header === undefined && publicInfo;
      if (header !== `Bearer ${this.options.token}` && !anonymousAllowed) {
        throw StatusError.unauthorized();
      }
    }
    if (url.pathname.startsWith('/simulator/')) {
      await this.simulatorRoute(req, res, url);
      return;
    }
    if (url.pathname !== '/version' && publicInfo) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (
      url.pathname === '/openapi/v2' &&
      req.headers.accept?.includes(OPENAPI_V2_PROTOBUF)
    ) {
      const body = openApiV2Protobuf();
      res
        .writeHead(200, {
          'content-type': OPENAPI_V2_PROTOBUF,
          'content-length': body.length,
        })
        .end(body);
      return;
    }
    if (
      url.pathname === '/openapi/v2' ||
      url.pathname === '/openapi/v3' ||
      url.pathname.startsWith('/openapi/v3/')
    ) {
      sendJson(res, 200, this.openApi(url.pathname));
      return;
    }
    const parsed = parsePath(url.pathname);
    if (!parsed)
      throw new StatusError(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    if (isDiscovery(parsed)) {
      if (req.method !== 'GET')
        throw new StatusError(405, 'MethodNotAllowed', 'method not allowed');
      sendJson(res, 200, this.discovery(parsed));
      return;
    }
    const type = this.options.registry.find(
      parsed.group,
      parsed.version,
      parsed.plural,
    );
    if (!type)
      throw new StatusError(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    if (
      parsed.subresource &&
      !(parsed.subresource === 'status' && type.hasStatus)
    ) {
      throw new StatusError(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    }
    if (type.namespaced === false && parsed.namespace) {
      throw new StatusError(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    }
    await this.resource(req, res, url, type, parsed);
  }

  /** The simulator's own endpoints (behind the management cluster's token). */
  private async simulatorRoute(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ) {
    const method = req.method ?? 'GET';
    const body =
      method === 'PUT' ? await readBody(req, ['application/json']) : undefined;
    const path = url.pathname
      .split('/')
      .filter(Boolean)
      .slice(1)
      .map(decodeURIComponent);
    // The URL the client reached us at, so the kubeconfig works from there.
    const base = `http://${req.headers.host ?? this.address()}`;
    const reply = existingClusterRoute(
      this.existingClusters,
      base,
      method,
      path,
      body,
    );
    if ('yaml' in reply) {
      res
        .writeHead(200, {
          'content-type': 'application/yaml',
          'content-length': Buffer.byteLength(reply.yaml),
        })
        .end(reply.yaml);
      return;
    }
    sendJson(res, 200, reply.json);
  }

  private address(): string {
    const address = this.server.address() as AddressInfo;
    return `${address.address}:${address.port}`;
  }

  private openApi(pathname: string) {
    const { registry, schemaOf = () => undefined } = this.options;
    if (pathname === '/openapi/v2') return openApiV2(registry, schemaOf);
    if (pathname === '/openapi/v3') return openApiIndex(registry);
    const parts = pathname.split('/').filter(Boolean).slice(2);
    const [group, version] =
      parts[0] === 'api' ? ['', parts[1]] : [parts[1], parts[2]];
    const document = openApiGroupVersion(
      registry,
      group ?? '',
      version ?? '',
      schemaOf,
    );
    if (!document)
      throw new StatusError(
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    return document;
  }

  private discovery(
    p: Exclude<ReturnType<typeof parsePath>, ResourcePath | undefined>,
  ) {
    return discoveryDocument(this.options.registry, p, {
      version: versionInfo,
    });
  }

  private async resource(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    type: ResourceType,
    p: ResourcePath,
  ) {
    const { store } = this.options;
    const q = url.searchParams;
    const namespace = type.namespaced ? p.namespace : undefined;
    switch (req.method) {
      case 'GET': {
        if (p.name) {
          sendJson(res, 200, store.get(type, namespace, p.name));
          return;
        }
        if (q.get('watch') === 'true' || q.get('watch') === '1') {
          serveWatch(req, res, store, type, {
            namespace,
            labelSelector: q.get('labelSelector') ?? undefined,
            fieldSelector: q.get('fieldSelector') ?? undefined,
            resourceVersion: q.get('resourceVersion') ?? undefined,
            allowBookmarks: q.get('allowWatchBookmarks') === 'true',
            timeoutSeconds: Number(q.get('timeoutSeconds') ?? 0) || undefined,
          });
          return;
        }
        const limit = q.get('limit') ? Number(q.get('limit')) : undefined;
        const page = store.list(type, {
          namespace,
          labelSelector: q.get('labelSelector') ?? undefined,
          fieldSelector: q.get('fieldSelector') ?? undefined,
          limit,
          continueToken: q.get('continue') ?? undefined,
        });
        sendJson(res, 200, {
          apiVersion: type.group
            ? `${type.group}/${type.version}`
            : type.version,
          kind: `${type.kind}List`,
          metadata: {
            resourceVersion: page.resourceVersion,
            ...(page.continueToken
              ? {
                  continue: page.continueToken,
                  remainingItemCount: page.remainingItemCount,
                }
              : {}),
          },
          items: page.items,
        });
        return;
      }
      case 'POST': {
        if (p.name)
          throw new StatusError(
            405,
            'MethodNotAllowed',
            'POST is not supported on a named object',
          );
        const body = this.checkBody(
          await readBody(req, ['application/json', 'application/yaml']),
          type,
          namespace,
        );
        sendWrite(
          res,
          201,
          this.writer.create(type, body, writeContext(req, q)),
        );
        return;
      }
      case 'PUT': {
        const body = this.checkBody(
          await readBody(req, ['application/json', 'application/yaml']),
          type,
          namespace,
          p.name,
        );
        sendWrite(
          res,
          200,
          this.writer.replace(type, body, writeContext(req, q, p)),
        );
        return;
      }
      case 'PATCH': {
        if (!p.name)
          throw new StatusError(
            405,
            'MethodNotAllowed',
            'PATCH needs a named object',
          );
        sendWrite(res, 200, await this.patch(req, q, type, namespace, p));
        return;
      }
      case 'DELETE': {
        if (!p.name)
          throw new StatusError(
            405,
            'MethodNotAllowed',
            'collection deletion is not supported',
          );
        const deleted = store.delete(type, namespace, p.name);
        sendJson(res, 200, deleted);
        return;
      }
      default:
        throw new StatusError(
          405,
          'MethodNotAllowed',
          `method ${req.method} not allowed`,
        );
    }
  }

  private async patch(
    req: http.IncomingMessage,
    q: URLSearchParams,
    type: ResourceType,
    namespace: string | undefined,
    p: ResourcePath,
  ) {
    const contentType = (req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const ctx = writeContext(req, q, p);
    if (contentType === 'application/apply-patch+yaml') {
      if (!q.get('fieldManager')) {
        throw StatusError.badRequest(
          'PATCH, application/apply-patch+yaml requires fieldManager to be set',
        );
      }
      const applied = this.checkBody(
        await readBody(req, [contentType]),
        type,
        namespace,
        p.name,
      );
      return this.writer.apply(type, applied, ctx);
    }
    const body = await readBody(req, [
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
    ]);
    if (
      contentType === 'application/strategic-merge-patch+json' &&
      type.group !== ''
    ) {
      // As a real API server: custom resources do not support strategic merge patch.
      throw StatusError.unsupportedMediaType(contentType);
    }
    const kind = PATCH_KINDS[contentType];
    return this.writer.patch(type, namespace, p.name!, kind, body, ctx);
  }

  /** Checks that a body names the kind and place the URL addresses. */
  private checkBody(
    body: unknown,
    type: ResourceType,
    namespace: string | undefined,
    name?: string,
  ): KubeObject {
    const obj = body as KubeObject;
    const apiVersion = type.group
      ? `${type.group}/${type.version}`
      : type.version;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
      throw StatusError.badRequest('the request body must be an object');
    if (obj.kind !== type.kind || obj.apiVersion !== apiVersion) {
      throw StatusError.badRequest(
        `the API version in the data (${obj.apiVersion}) and kind (${obj.kind}) do not match the URL (${apiVersion}, ${type.kind})`,
      );
    }
    const metadata = obj.metadata ?? ({} as KubeObject['metadata']);
    if (!metadata.name) {
      throw StatusError.invalid(type.kind, '', type.group, [
        {
          field: 'metadata.name',
          message: 'Required value: name or generateName is required',
          reason: 'FieldValueRequired',
        },
      ]);
    }
    if (name && metadata.name !== name)
      throw StatusError.badRequest(
        'the name of the object does not match the name on the URL',
      );
    if (type.namespaced) {
      if (!namespace)
        throw StatusError.badRequest(
          'the namespace of the request is required',
        );
      if (metadata.namespace && metadata.namespace !== namespace) {
        throw StatusError.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      metadata.namespace = namespace;
    } else {
      delete metadata.namespace;
    }
    obj.metadata = metadata;
    return obj;
  }
}

async function readBody(
  req: http.IncomingMessage,
  accepted: string[],
): Promise<unknown> {
  const contentType = (req.headers['content-type'] ?? 'application/json')
    .split(';')[0]
    .trim();
  if (!accepted.includes(contentType))
    throw StatusError.unsupportedMediaType(contentType);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new StatusError(
        413,
        'RequestEntityTooLarge',
        'request entity too large',
      );
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return contentType.endsWith('yaml') ? yaml.load(text) : JSON.parse(text);
  } catch (error) {
    throw StatusError.badRequest(
      `the body could not be decoded: ${(error as Error).message}`,
    );
  }
}

/** Sends a written object, with kube-apiserver's `Warning` headers. */
function sendWrite(
  res: http.ServerResponse,
  code: number,
  result: WriteResult,
) {
  if (result.warnings.length) {
    res.setHeader(
      'warning',
      result.warnings.map(w => `299 - ${JSON.stringify(w)}`),
    );
  }
  sendJson(res, code, result.object);
}

export function sendJson(
  res: http.ServerResponse,
  code: number,
  body: unknown,
) {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: unknown) {
  const status =
    error instanceof StatusError
      ? error
      : new StatusError(
          500,
          'InternalError',
          `internal error: ${(error as Error)?.message}`,
        );
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code, status.toStatus());
}
