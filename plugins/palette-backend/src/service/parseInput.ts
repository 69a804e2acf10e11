import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Parses request input with a zod schema; bad input is a 400 that names
 * every offending field, never a 500.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what = 'request body',
): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(issue => {
    const field = issue.path.length ? issue.path.join('.') : what;
    return `${field}: ${issue.message}`;
  });
  throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
}
