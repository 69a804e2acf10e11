import { ResourceType } from '../api/resourceTypes';
import { serverSideApply, trackUpdate } from '../store/apply';
import { ObjectStore } from '../store/ObjectStore';
import { jsonPatch, mergePatch } from '../store/patch';
import { KubeObject } from '../store/types';
import { StatusError } from './StatusError';

/** A field error of schema validation, as a `Status` cause. */
export interface SchemaCause {
  field: string;
  message: string;
  reason: string;
}

/** What the writer needs of a CRD's structural schema. */
export interface ObjectSchema {
  /** Prunes unknown fields, applies defaults, validates; never mutates its input. */
  normalize(obj: KubeObject): { object: KubeObject; causes: SchemaCause[] };
  listTypeAt(
    path: string[],
  ): { type: 'atomic' | 'set' | 'map'; keys?: string[] } | undefined;
}

/** The schema of a served type, when it comes from a CRD. */
export type SchemaLookup = (type: ResourceType) => ObjectSchema | undefined;

/** How one write request asks to be handled. */
export interface WriteContext {
  /** The field manager: `?fieldManager=`, else derived from the user agent. */
  manager: string;
  dryRun: boolean;
  /** `?fieldValidation=`: what unknown fields do (as kube-apiserver). */
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  subresource?: 'status';
  force?: boolean;
}

/** A written object and the warnings to send with it. */
export interface WriteResult {
  object: KubeObject;
  warnings: string[];
}

export type PatchKind = 'json' | 'merge' | 'strategic';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Dotted paths present in `sent` that pruning removed from `kept`. */
export function unknownFields(
  sent: unknown,
  kept: unknown,
  path = '',
): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    return sent.flatMap((item, i) =>
      unknownFields(item, kept[i], `${path}[${i}]`),
    );
  }
  if (!isObject(sent) || !isObject(kept)) return [];
  return Object.keys(sent).flatMap(key => {
    const at = path ? `${path}.${key}` : key;
    return key in kept ? unknownFields(sent[key], kept[key], at) : [at];
  });
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Every write of the API server goes through here, in the order
 * kube-apiserver runs it: decode and patch, prune and default, validate,
 * track managed fields, then store (or not, for a dry run).
 */
export class ObjectWriter {
  constructor(
    private readonly store: ObjectStore,
    private readonly schemaFor: SchemaLookup = () => undefined,
  ) {}

  create(type: ResourceType, body: KubeObject, ctx: WriteContext): WriteResult {
    const { object, warnings } = this.admit(type, body, ctx);
    if (
      this.store.tryGet(type, object.metadata.namespace, object.metadata.name)
    ) {
      throw StatusError.alreadyExists(
        type.plural,
        object.metadata.name,
        type.group,
      );
    }
    const tracked = trackUpdate({
      before: undefined,
      after: object,
      manager: ctx.manager,
      now: now(),
    });
    return {
      object: ctx.dryRun ? tracked : this.store.create(type, tracked),
      warnings,
    };
  }

  replace(
    type: ResourceType,
    body: KubeObject,
    ctx: WriteContext,
  ): WriteResult {
    const current = this.store.get(
      type,
      body.metadata.namespace,
      body.metadata.name,
    );
    return this.update(
      type,
      current,
      this.scoped(type, current, body, ctx),
      ctx,
    );
  }

  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    kind: PatchKind,
    patch: unknown,
    ctx: WriteContext,
  ): WriteResult {
    const current = this.store.get(type, namespace, name);
    const patched = (
      kind === 'json' ? jsonPatch(current, patch) : mergePatch(current, patch)
    ) as KubeObject;
    // A patch that does not name a resourceVersion applies to the current one.
    patched.metadata = {
      ...patched.metadata,
      resourceVersion:
        patched.metadata?.resourceVersion ?? current.metadata.resourceVersion,
    };
    return this.update(
      type,
      current,
      this.scoped(type, current, patched, ctx),
      ctx,
    );
  }

  apply(type: ResourceType, body: KubeObject, ctx: WriteContext): WriteResult {
    const live = this.store.tryGet(
      type,
      body.metadata.namespace,
      body.metadata.name,
    );
    const sentVersion = body.metadata.resourceVersion;
    if (sentVersion && live && sentVersion !== live.metadata.resourceVersion) {
      throw StatusError.conflict(
        type.plural,
        body.metadata.name,
        type.group,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    // Unknown fields of the applied configuration are pruned before merging.
    const { object: applied, warnings } = this.admit(
      type,
      body,
      { ...ctx, subresource: ctx.subresource },
      false,
    );
    const merged = serverSideApply({
      live,
      applied,
      manager: ctx.manager,
      force: ctx.force ?? false,
      now: now(),
      subresource: ctx.subresource,
      listType: this.schemaFor(type)?.listTypeAt.bind(this.schemaFor(type)),
    });
    const { object } = this.admit(type, merged, ctx);
    if (!live)
      return {
        object: ctx.dryRun ? object : this.store.create(type, object),
        warnings,
      };
    object.metadata.resourceVersion = live.metadata.resourceVersion;
    if (ctx.dryRun) return { object, warnings };
    return {
      object: this.store.update(type, object, { subresource: ctx.subresource }),
      warnings,
    };
  }

  private update(
    type: ResourceType,
    current: KubeObject,
    next: KubeObject,
    ctx: WriteContext,
  ): WriteResult {
    const { object, warnings } = this.admit(type, next, ctx);
    const tracked = trackUpdate({
      before: current,
      after: object,
      manager: ctx.manager,
      now: now(),
      subresource: ctx.subresource,
      listType: this.schemaFor(type)?.listTypeAt.bind(this.schemaFor(type)),
    });
    tracked.metadata.resourceVersion = next.metadata.resourceVersion;
    if (ctx.dryRun) return { object: tracked, warnings };
    return {
      object: this.store.update(type, tracked, {
        subresource: ctx.subresource,
      }),
      warnings,
    };
  }

  /** The main resource ignores status; the status subresource changes only status. */
  private scoped(
    type: ResourceType,
    current: KubeObject,
    next: KubeObject,
    ctx: WriteContext,
  ): KubeObject {
    if (!type.hasStatus) return next;
    if (ctx.subresource === 'status') {
      return {
        ...current,
        status: next.status,
        metadata: {
          ...current.metadata,
          resourceVersion: next.metadata.resourceVersion,
        },
      };
    }
    return { ...next, status: current.status };
  }

  /**
   * Prunes, defaults and validates against the CRD schema (when there is
   * one). Invalid objects are a 422 naming every field; unknown fields are a
   * 400 under Strict field validation and a warning under Warn.
   */
  private admit(
    type: ResourceType,
    obj: KubeObject,
    ctx: WriteContext,
    validate = true,
  ): WriteResult {
    const schema = this.schemaFor(type);
    if (!schema) return { object: obj, warnings: [] };
    const { object, causes } = schema.normalize(obj);
    const unknown = unknownFields(obj, object);
    if (unknown.length && ctx.fieldValidation === 'Strict') {
      throw StatusError.badRequest(
        `strict decoding error: ${unknown
          .map(f => `unknown field "${f}"`)
          .join(', ')}`,
      );
    }
    if (validate && causes.length) {
      throw StatusError.invalid(
        type.kind,
        obj.metadata.name,
        type.group,
        causes,
      );
    }
    const warnings =
      ctx.fieldValidation === 'Warn'
        ? unknown.map(f => `unknown field "${f}"`)
        : [];
    return { object, warnings };
  }
}
