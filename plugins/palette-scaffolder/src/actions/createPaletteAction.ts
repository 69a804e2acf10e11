import { InputError } from '@backstage/errors';
import {
  ActionContext,
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { z } from 'zod';

/** A JSON Schema as template actions declare it. */
type ActionJsonSchema = NonNullable<
  NonNullable<TemplateAction['schema']>['input']
>;

/** A zod schema whose input and output are JSON objects. */
type JsonObjectSchema = z.ZodType<JsonObject, JsonObject>;

/**
 * What a Palette template action declares. Input and output are zod v4
 * schemas (the suite's, from palette-common where they exist).
 */
export interface PaletteActionOptions<
  I extends JsonObjectSchema,
  O extends JsonObjectSchema,
> {
  id: string;
  description: string;
  examples: TemplateExample[];
  supportsDryRun?: boolean;
  schema: {
    input: I;
    output: O;
    /**
     * Descriptions of the input's properties, for schemas defined elsewhere
     * without them; typed so that a property added to the schema must be
     * described here too.
     */
    inputDescriptions?: { [K in keyof z.input<I>]-?: string };
  };
  /** Runs with the input parsed: defaults applied and every rule checked. */
  handler(
    ctx: ActionContext<z.input<I>, z.output<O>>,
    input: z.output<I>,
  ): Promise<void>;
}

/**
 * Defines a Palette template action.
 *
 * `createTemplateAction` takes zod v3 builders (`zod/v3`), while the suite's
 * schemas, the cluster request in palette-common above all, are zod v4.
 * Rather than restate them in v3, Palette actions declare the JSON Schema
 * generated from the v4 schemas (what the scaffolder validates input
 * against before the handler runs, and what the portal's action list
 * shows), and the handler parses its input with those same schemas: that
 * applies defaults, which the scaffolder's JSON Schema validation does not,
 * and the rules JSON Schema cannot express (refinements, case-insensitive
 * patterns).
 */
export function createPaletteAction<
  I extends JsonObjectSchema,
  O extends JsonObjectSchema,
>(
  options: PaletteActionOptions<I, O>,
): TemplateAction<z.input<I>, z.output<O>> {
  const { schema } = options;
  return {
    id: options.id,
    description: options.description,
    examples: options.examples,
    supportsDryRun: options.supportsDryRun ?? false,
    schema: {
      input: withDescriptions(
        toActionJsonSchema(schema.input, 'input'),
        schema.inputDescriptions,
      ),
      output: toActionJsonSchema(schema.output, 'output'),
    },
    handler: async ctx =>
      options.handler(
        ctx,
        parseActionInput(options.id, schema.input, ctx.input),
      ),
  };
}

/** Parses action input; a mistake is an `InputError` naming every bad field. */
export function parseActionInput<S extends z.ZodType>(
  actionId: string,
  schema: S,
  input: unknown,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // The same `field: message; ...` shape as palette-backend's 400 replies.
  const problems = parsed.error.issues.map(
    issue =>
      `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`,
  );
  throw new InputError(`Invalid input to ${actionId}: ${problems.join('; ')}`);
}

/**
 * The draft-07 JSON Schema of a zod v4 schema. A regular expression with
 * flags (palette-common's entity references are case-insensitive) has no
 * JSON Schema equivalent: its `pattern` would reject what palette-backend
 * accepts, so it is left out and the handler's parse checks it instead.
 */
export function toActionJsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
): ActionJsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-07',
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type !== 'string') return;
      const patterns = (zodSchema._zod.def.checks ?? []).map(
        check => (check._zod.def as { pattern?: unknown }).pattern,
      );
      if (patterns.some(p => p instanceof RegExp && hasMeaningfulFlags(p))) {
        // Several patterns are emitted as `allOf: [{ pattern }, ...]`.
        delete jsonSchema.pattern;
        delete jsonSchema.allOf;
      }
    },
  }) as ActionJsonSchema;
}

/**
 * Flags that change what a pattern matches. `g` and `y` do not for a single
 * test, and validators compile JSON Schema patterns in unicode mode anyway.
 */
function hasMeaningfulFlags(pattern: RegExp): boolean {
  return /[ims]/.test(pattern.flags);
}

function withDescriptions(
  schema: ActionJsonSchema,
  descriptions: Record<string, string> | undefined,
): ActionJsonSchema {
  if (!descriptions || !schema.properties) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => [
      key,
      descriptions[key]
        ? { ...property, description: descriptions[key] }
        : property,
    ]),
  );
  return { ...schema, properties };
}
