import type { z } from 'zod';
import { joinValuePath } from './values';

/**
 * Renders a zod issue path as a field path: `spec.layers[0].packVersion`.
 *
 * @public
 */
export function formatIssuePath(
  path: readonly PropertyKey[],
  base: string = '',
): string {
  return path.reduce<string>(
    (text, key) =>
      joinValuePath(text, typeof key === 'number' ? key : String(key)),
    base,
  );
}

/**
 * Flattens a zod error into `{ field, message }` pairs, one per issue, with
 * field paths relative to `base`.
 *
 * @public
 */
export function describeZodIssues(
  error: z.ZodError,
  base: string = '',
): Array<{ field: string; message: string }> {
  return error.issues.map(issue => ({
    field: formatIssuePath(issue.path, base) || base || '(root)',
    message: issue.message,
  }));
}
