import { z } from 'zod';

/**
 * The JSON types a {@link JsonSchemaSubset} can name in `type`.
 *
 * @public
 */
export const jsonSchemaTypeSchema = z.enum([
  'object',
  'array',
  'string',
  'number',
  'integer',
  'boolean',
  'null',
]);

/** @public */
export type JsonSchemaType = z.infer<typeof jsonSchemaTypeSchema>;

/**
 * The subset of JSON Schema that pack values schemas use and that the
 * backend validator enforces: `type`, `properties`, `required`, `enum`,
 * `pattern`, `minimum`, `maximum`, `items` and `additionalProperties`.
 * `title`, `description` and `default` are kept for documentation and forms.
 * Other keywords are dropped when a schema is parsed with
 * {@link jsonSchemaSubsetSchema}, so nothing is silently ignored later.
 *
 * @public
 */
export interface JsonSchemaSubset {
  type?: JsonSchemaType | JsonSchemaType[];
  title?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchemaSubset>;
  required?: string[];
  enum?: unknown[];
  /** An ECMAScript regular expression, unanchored as in JSON Schema. */
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchemaSubset;
  /** `false` rejects unknown keys; a schema validates every unknown key. */
  additionalProperties?: boolean | JsonSchemaSubset;
}

/**
 * Zod schema of {@link JsonSchemaSubset}; also checks that `pattern` compiles.
 *
 * @public
 */
export const jsonSchemaSubsetSchema: z.ZodType<JsonSchemaSubset> = z.lazy(() =>
  z.object({
    type: z
      .union([jsonSchemaTypeSchema, z.array(jsonSchemaTypeSchema)])
      .optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    default: z.unknown().optional(),
    properties: z.record(z.string(), jsonSchemaSubsetSchema).optional(),
    required: z.array(z.string()).optional(),
    enum: z.array(z.unknown()).min(1).optional(),
    pattern: z
      .string()
      .refine(isCompilableRegex, 'must be a valid regular expression')
      .optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    items: jsonSchemaSubsetSchema.optional(),
    additionalProperties: z
      .union([z.boolean(), jsonSchemaSubsetSchema])
      .optional(),
  }),
);

/**
 * Whether a string compiles as an ECMAScript regular expression.
 *
 * @public
 */
export function isCompilableRegex(source: string): boolean {
  try {
    // eslint-disable-next-line no-new
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
