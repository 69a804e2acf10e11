import type { Pack } from '@palette-backstage/plugin-palette-common';

/**
 * Removes the common indentation of a template literal and its first and
 * last blank lines, so YAML can be written indented inside code.
 *
 * @internal
 */
export function yamlBlock(
  strings: TemplateStringsArray,
  ...values: unknown[]
): string {
  const raw = strings.reduce(
    (text, part, i) =>
      text + part + (i < values.length ? String(values[i]) : ''),
    '',
  );
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indent = Math.min(
    ...lines.filter(l => l.trim() !== '').map(l => /^[ ]*/.exec(l)![0].length),
  );
  return `${lines.map(l => l.slice(indent)).join('\n')}\n`;
}

/** What all versions of a curated pack share. */
type PackBase = Omit<Pack, 'version' | 'kind' | 'source'>;

/** What differs per version; anything from the base may be overridden. */
type PackVersionSpec = Pick<Pack, 'version' | 'kind'> &
  Partial<Omit<Pack, 'name' | 'layer' | 'source' | 'version' | 'kind'>>;

/**
 * Expands a curated pack into one {@link Pack} per version.
 *
 * @internal
 */
export function definePack(
  base: PackBase,
  versions: PackVersionSpec[],
): Pack[] {
  return versions.map(spec => ({
    ...base,
    ...spec,
    source: 'builtin' as const,
  }));
}
