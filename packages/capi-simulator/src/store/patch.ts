import { StatusError } from '../server/StatusError';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch: objects merge, `null` deletes, the rest replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy';
  path: string;
  value?: Json;
  from?: string;
}

/** RFC 6902 JSON patch, the default patch type of `@kubernetes/client-node`. */
export function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops))
    throw StatusError.badRequest('a JSON patch must be an array of operations');
  let doc = structuredClone(target);
  for (const op of ops as JsonPatchOp[]) {
    switch (op.op) {
      case 'add':
      case 'replace':
        doc = setPointer(doc, op.path, structuredClone(op.value), op.op);
        break;
      case 'remove':
        doc = removePointer(doc, op.path);
        break;
      case 'test':
        if (
          JSON.stringify(getPointer(doc, op.path)) !== JSON.stringify(op.value)
        ) {
          throw new StatusError(
            422,
            'Invalid',
            `the test operation failed at ${op.path}`,
          );
        }
        break;
      case 'copy':
        doc = setPointer(
          doc,
          op.path,
          structuredClone(getPointer(doc, op.from!)),
          'add',
        );
        break;
      case 'move': {
        const value = getPointer(doc, op.from!);
        doc = setPointer(removePointer(doc, op.from!), op.path, value, 'add');
        break;
      }
      default:
        throw StatusError.badRequest(
          `unknown JSON patch operation "${(op as { op: string }).op}"`,
        );
    }
  }
  return doc;
}

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw StatusError.badRequest(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getPointer(doc: Json, pointer: string): Json {
  let node: Json = doc;
  for (const t of tokens(pointer)) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (isObject(node)) node = node[t];
    else throw StatusError.badRequest(`path ${pointer} does not exist`);
    if (node === undefined)
      throw new StatusError(422, 'Invalid', `path ${pointer} does not exist`);
  }
  return node;
}

function parentOf(doc: Json, pointer: string): { parent: Json; last: string } {
  const ts = tokens(pointer);
  if (!ts.length)
    throw StatusError.badRequest('cannot patch the document root');
  const last = ts.pop()!;
  const parentPointer = ts.length
    ? `/${ts.map(t => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
    : '';
  return { parent: getPointer(doc, parentPointer), last };
}

function setPointer(
  doc: Json,
  pointer: string,
  value: Json,
  mode: 'add' | 'replace',
): Json {
  if (pointer === '') return value;
  const { parent, last } = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (mode === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (isObject(parent)) {
    if (mode === 'replace' && !(last in parent)) {
      throw new StatusError(422, 'Invalid', `path ${pointer} does not exist`);
    }
    parent[last] = value;
  } else {
    throw new StatusError(422, 'Invalid', `path ${pointer} does not exist`);
  }
  return doc;
}

function removePointer(doc: Json, pointer: string): Json {
  const { parent, last } = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent) && last in parent) delete parent[last];
  else throw new StatusError(422, 'Invalid', `path ${pointer} does not exist`);
  return doc;
}
