import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  CloudType,
  compareSemver,
  CORE_PACK_LAYERS,
  isValidSemver,
  PACK_LAYER_ORDER,
  PackLayer,
  ProfileType,
  ValidationMessage,
  validationMessageSchema,
} from '@palette-backstage/plugin-palette-common';

/** Human names of the profile types. */
export const PROFILE_TYPE_LABELS: Readonly<Record<ProfileType, string>> = {
  infra: 'Infrastructure',
  'add-on': 'Add-on',
  full: 'Full',
};

/** What each profile type holds, for forms. */
export const PROFILE_TYPE_DESCRIPTIONS: Readonly<Record<ProfileType, string>> =
  {
    infra: 'OS, Kubernetes, network and storage layers',
    'add-on': 'Add-on packs only, layered onto clusters of any profile',
    full: 'The core layers and add-ons',
  };

/** Human names of the cloud types. */
export const CLOUD_TYPE_LABELS: Readonly<Record<CloudType, string>> = {
  aws: 'AWS',
  eks: 'Amazon EKS',
  azure: 'Azure',
  aks: 'Azure AKS',
  gcp: 'Google Cloud',
  gke: 'Google GKE',
  vsphere: 'VMware vSphere',
  openstack: 'OpenStack',
  maas: 'MAAS',
  dev: 'Local (Docker)',
  all: 'Any cloud',
};

/** The layers a profile of the given type is made of, in order. */
export function layersForProfileType(type: ProfileType): readonly PackLayer[] {
  if (type === 'infra') return CORE_PACK_LAYERS;
  if (type === 'add-on') return ['addon'];
  return PACK_LAYER_ORDER;
}

/**
 * The text of an error for people: the server's own message for
 * ResponseErrors (whose message is only the status line).
 */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.body?.error?.message || error.cause?.message || error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Validation messages carried by an error body (`messages` at the top of the
 * body or on the error), when the server sent them.
 */
export function validationMessagesOf(error: unknown): ValidationMessage[] {
  if (!ResponseError.is(error)) return [];
  const body = error.body as unknown as Record<string, any>;
  const candidates = [body?.messages, body?.error?.messages];
  for (const candidate of candidates) {
    const parsed = validationMessageSchema.array().safeParse(candidate);
    if (parsed.success && parsed.data.length) return parsed.data;
  }
  return [];
}

/** `2 errors, 1 warning`, or `no problems`. */
export function summarizeMessages(messages: ValidationMessage[]): string {
  const count = (severity: ValidationMessage['severity']) =>
    messages.filter(m => m.severity === severity).length;
  const parts: string[] = [];
  const plural = (n: number, word: string) =>
    `${n} ${word}${n === 1 ? '' : 's'}`;
  if (count('error')) parts.push(plural(count('error'), 'error'));
  if (count('warning')) parts.push(plural(count('warning'), 'warning'));
  if (count('info')) parts.push(plural(count('info'), 'note'));
  return parts.length ? parts.join(', ') : 'no problems';
}

/** The next patch, minor and major versions, as the backend's rules define them. */
export { suggestNextVersions } from '@palette-backstage/plugin-palette-common';

/** Why `next` cannot follow `previous`, or `undefined` when it can. */
export function explainNextVersion(
  previous: string | undefined,
  next: string,
): string | undefined {
  if (!isValidSemver(next)) {
    return 'Must be a semantic version such as 1.4.0';
  }
  if (
    previous !== undefined &&
    isValidSemver(previous) &&
    compareSemver(next, previous) <= 0
  ) {
    return `Must be greater than the latest version ${previous}`;
  }
  return undefined;
}

/** `platform-team` for `group:default/platform-team`. */
export function humanizeOwner(ref: string): string {
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    const kind = parsed.kind.toLocaleLowerCase('en-US');
    const prefix = kind === 'group' ? '' : `${kind}:`;
    const namespace =
      parsed.namespace === 'default' ? '' : `${parsed.namespace}/`;
    return `${prefix}${namespace}${parsed.name}`;
  } catch {
    return ref;
  }
}

/** `group:default/platform-team` for `platform-team`; undefined when unparseable. */
export function normalizeOwnerRef(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(trimmed, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** A date for tables: `6 Oct 2026, 09:00`. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * Where a validation message points inside a profile: a layer by index,
 * a variable by index, and for values the path below `values`.
 */
export interface MessageTarget {
  layerIndex?: number;
  variableIndex?: number;
  /** The path inside the layer's values, e.g. `controller.replicaCount`. */
  valuesPath?: string;
  /** Whether the message is about the layer's values. */
  values?: boolean;
}

/** Where a message belongs, from its `field` (and its `layer`). */
export function messageTarget(
  message: ValidationMessage,
  layerNames: readonly string[],
): MessageTarget {
  const layerMatch = /^layers\[(\d+)\](?:\.values(.*))?/.exec(message.field);
  if (layerMatch) {
    const rest = layerMatch[2];
    const isValues = message.field.startsWith(
      `layers[${layerMatch[1]}].values`,
    );
    return {
      layerIndex: Number(layerMatch[1]),
      values: isValues,
      valuesPath: rest ? rest.replace(/^\./, '') : undefined,
    };
  }
  const variableMatch = /^variables\[(\d+)\]/.exec(message.field);
  if (variableMatch) return { variableIndex: Number(variableMatch[1]) };
  if (typeof message.layer === 'number') return { layerIndex: message.layer };
  if (typeof message.layer === 'string') {
    const index = layerNames.indexOf(message.layer);
    if (index >= 0) return { layerIndex: index };
  }
  return {};
}

/** Splits a values path (`a.b`, `a[0]`, `a["odd.key"]`) into its segments. */
export function splitValuesPath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const token =
    /\.?([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (token.lastIndex < path.length) {
    const match = token.exec(path);
    if (!match) break;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]));
  }
  return segments;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) =>
  line.trim() !== '' && !line.trimStart().startsWith('#');
const isItem = (line: string) => /^-(\s|$)/.test(line.trimStart());
/** The column where a line's key starts, after a list dash. */
const keyColumnOf = (line: string) => {
  const rest = line.trimStart();
  return indentOf(line) + (rest.length - rest.replace(/^-\s+/, '').length);
};

function keyOfLine(line: string): string | undefined {
  const text = line.trimStart().replace(/^-\s+/, '');
  const match =
    /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s:#"'][^:#]*?))\s*:(?:\s|$)/.exec(
      text,
    );
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3];
}

/** The end (exclusive) of the block that starts at `from` with a key at `column`. */
function blockEnd(lines: string[], from: number, column: number): number {
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!isContent(line)) continue;
    const indent = indentOf(line);
    if (indent < column || (indent === column && !isItem(line))) return i;
  }
  return lines.length;
}

/**
 * The 1-based line of a values path in YAML text, found by indentation:
 * the line of the deepest segment found, or `undefined` when not even the
 * first is. Good enough to put a marker next to the line a message is about.
 */
export function findYamlLine(
  text: string,
  path: string | Array<string | number>,
): number | undefined {
  const segments = typeof path === 'string' ? splitValuesPath(path) : path;
  const lines = text.split('\n');
  // The lines of the current block: [start, end).
  let start = 0;
  let end = lines.length;
  let found: number | undefined;
  for (const segment of segments) {
    const contentLines: number[] = [];
    for (let i = start; i < end; i++)
      if (isContent(lines[i])) contentLines.push(i);
    if (!contentLines.length) break;
    let hit: number | undefined;
    if (typeof segment === 'number') {
      const items = contentLines.filter(i => isItem(lines[i]));
      const itemIndent = items.length ? indentOf(lines[items[0]]) : -1;
      hit = items.filter(i => indentOf(lines[i]) === itemIndent)[segment];
      if (hit === undefined) break;
      // The first key of an item sits on the item's own line.
      start = hit;
      end = blockEnd(lines, hit, indentOf(lines[hit]) + 1);
    } else {
      const column = keyColumnOf(lines[contentLines[0]]);
      hit = contentLines.find(
        i =>
          keyColumnOf(lines[i]) === column && keyOfLine(lines[i]) === segment,
      );
      if (hit === undefined) break;
      start = hit + 1;
      end = blockEnd(lines, hit, keyColumnOf(lines[hit]));
    }
    found = hit + 1;
  }
  return found;
}

/** The line a values message is about: its `line N`, or its path's line. */
export function lineOfMessage(
  message: ValidationMessage,
  values: string,
  valuesPath: string | undefined,
): number | undefined {
  const stated = /\bline (\d+)\b/.exec(message.message);
  if (stated) return Number(stated[1]);
  if (valuesPath) return findYamlLine(values, valuesPath);
  return undefined;
}

/** Saves text as a file through the browser. */
export function downloadText(
  filename: string,
  text: string,
  type = 'application/yaml',
) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}
