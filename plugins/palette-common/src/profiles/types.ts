import { z } from 'zod';
import { isCompilableRegex } from '../packs/jsonSchema';
import {
  cloudTypeSchema,
  PACK_NAME_PATTERN,
  packLayerSchema,
  semverSchema,
} from '../packs/types';

/**
 * Infra profiles hold the core layers (OS, Kubernetes, CNI, CSI), add-on
 * profiles hold add-on packs only, full profiles hold both.
 *
 * @public
 */
export const profileTypeSchema = z.enum(['infra', 'add-on', 'full']);

/** @public */
export type ProfileType = z.infer<typeof profileTypeSchema>;

/**
 * Profile names: lowercase DNS labels, e.g. `aws-infra`.
 *
 * @public
 */
export const PROFILE_NAME_PATTERN = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Variable names: a letter, then letters, digits or underscores (at most 63),
 * so that `{{ .palette.vars.<name> }}` is a valid template field path.
 *
 * @public
 */
export const PROFILE_VARIABLE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/**
 * How a variable's value is typed and checked.
 * `number` and `boolean` substitute as YAML numbers and booleans; the others
 * as strings. `ipv4` is a dotted quad, `cidr` an IPv4 CIDR block, `version` a
 * semantic version (a leading `v` is allowed, as in `v1.33.1`), `base64`
 * standard padded Base64.
 *
 * @public
 */
export const variableFormatSchema = z.enum([
  'string',
  'number',
  'boolean',
  'ipv4',
  'cidr',
  'version',
  'base64',
]);

/** @public */
export type VariableFormat = z.infer<typeof variableFormatSchema>;

/**
 * The form control a variable is asked with. When absent, the UI derives it
 * from the format (`checkbox` for booleans, `number` for numbers, `password`
 * for sensitive values, `text` otherwise).
 *
 * @public
 */
export const variableInputTypeSchema = z.enum([
  'text',
  'textarea',
  'number',
  'checkbox',
  'dropdown',
  'password',
]);

/** @public */
export type VariableInputType = z.infer<typeof variableInputTypeSchema>;

/**
 * One choice of a dropdown variable.
 *
 * @public
 */
export const variableOptionSchema = z.object({
  value: z.string(),
  label: z.string().optional(),
});

/** @public */
export type VariableOption = z.infer<typeof variableOptionSchema>;

/**
 * A profile variable: a value asked when a cluster is created from the
 * profile and substituted wherever a layer's values reference it as
 * `{{ .palette.vars.<name> }}`.
 *
 * @public
 */
export const profileVariableSchema = z.object({
  name: z
    .string()
    .regex(
      PROFILE_VARIABLE_NAME_PATTERN,
      'must start with a letter and hold only letters, digits and underscores (at most 63)',
    ),
  displayName: z.string().min(1),
  description: z.string().optional(),
  format: variableFormatSchema,
  inputType: variableInputTypeSchema.optional(),
  /** The allowed values of a `dropdown` variable. */
  options: z.array(variableOptionSchema).optional(),
  /** An ECMAScript regular expression the whole value must match. */
  regex: z
    .string()
    .refine(isCompilableRegex, 'must be a valid regular expression')
    .optional(),
  required: z.boolean().optional(),
  /** The default value, as text (e.g. `3`, `true`, `10.0.0.0/16`). */
  default: z.string().optional(),
  /** Never shown back, logged or exported in clear. */
  sensitive: z.boolean().optional(),
  /** Not asked in forms; the default (or the profile's value) is used. */
  hidden: z.boolean().optional(),
  /** Shown but not editable; the default is used. */
  readOnly: z.boolean().optional(),
});

/** @public */
export type ProfileVariable = z.infer<typeof profileVariableSchema>;

/**
 * One layer of a profile: a pack at a version with value overrides.
 *
 * @public
 */
export const profileLayerSchema = z.object({
  packName: z.string().regex(PACK_NAME_PATTERN, 'must be a pack name'),
  packVersion: semverSchema,
  /**
   * Overrides of the pack's default values, as YAML; may reference variables
   * as `{{ .palette.vars.<name> }}`.
   */
  values: z.string().optional(),
});

/** @public */
export type ProfileLayer = z.infer<typeof profileLayerSchema>;

/**
 * The editable content of a cluster profile. Drafts may be incomplete; see
 * `validateProfile` in palette-backend for the rules a publishable profile
 * meets.
 *
 * @public
 */
export const profileDraftSchema = z.object({
  name: z
    .string()
    .regex(
      PROFILE_NAME_PATTERN,
      'must be a lowercase DNS label such as aws-infra',
    ),
  displayName: z.string().optional(),
  description: z.string().optional(),
  type: profileTypeSchema,
  cloudType: cloudTypeSchema,
  layers: z.array(profileLayerSchema),
  variables: z.array(profileVariableSchema).optional(),
});

/** @public */
export type ProfileDraft = z.infer<typeof profileDraftSchema>;

/**
 * A published, immutable version of a cluster profile.
 *
 * @public
 */
export const profileVersionSchema = profileDraftSchema.extend({
  version: semverSchema,
  changeNote: z.string(),
  /** ISO 8601 timestamp. */
  publishedAt: z.iso.datetime({ offset: true }),
  /** Entity ref of the publisher, e.g. `user:default/jane`. */
  publishedBy: z.string().min(1),
  /** Deprecated versions stay usable by existing clusters, not by new ones. */
  deprecated: z.boolean().optional(),
});

/** @public */
export type ProfileVersion = z.infer<typeof profileVersionSchema>;

/**
 * How serious a validation message is: errors block publishing, warnings
 * and infos do not.
 *
 * @public
 */
export const validationSeveritySchema = z.enum(['error', 'warning', 'info']);

/** @public */
export type ValidationSeverity = z.infer<typeof validationSeveritySchema>;

/**
 * One finding about a profile.
 *
 * @public
 */
export const validationMessageSchema = z.object({
  severity: validationSeveritySchema,
  /** A stable rule identifier, e.g. `layers.cloudType`. */
  code: z.string(),
  /** The layer concerned: its pack name, or its index when the pack is unknown. */
  layer: z.union([z.string(), z.number().int()]).optional(),
  /**
   * The path of the field in the profile, e.g. `layers[2].packVersion`,
   * `layers[4].values.controller.replicaCount` or `variables[0].default`.
   */
  field: z.string(),
  message: z.string(),
});

/** @public */
export type ValidationMessage = z.infer<typeof validationMessageSchema>;

/**
 * One line of a line diff: kept, added or removed, with its line numbers in
 * the old and new text (1-based).
 *
 * @public
 */
export const lineDiffEntrySchema = z.object({
  op: z.enum(['equal', 'add', 'remove']),
  line: z.string(),
  oldLine: z.number().int().optional(),
  newLine: z.number().int().optional(),
});

/** @public */
export type LineDiffEntry = z.infer<typeof lineDiffEntrySchema>;

/**
 * A layer present in both profile versions whose pack version or values
 * differ.
 *
 * @public
 */
export const layerChangeSchema = z.object({
  packName: z.string(),
  layer: packLayerSchema.optional(),
  fromVersion: z.string(),
  toVersion: z.string(),
  /** `upgrade` or `downgrade` when the pack version changed. */
  versionChange: z.enum(['upgrade', 'downgrade']).optional(),
  valuesChanged: z.boolean(),
  /** The line diff of the values overrides; empty when unchanged. */
  valuesDiff: z.array(lineDiffEntrySchema),
});

/** @public */
export type LayerChange = z.infer<typeof layerChangeSchema>;

/**
 * What changed between two versions of a profile.
 *
 * @public
 */
export const profileDiffSchema = z.object({
  from: z.object({ name: z.string(), version: z.string().optional() }),
  to: z.object({ name: z.string(), version: z.string().optional() }),
  layersAdded: z.array(profileLayerSchema),
  layersRemoved: z.array(profileLayerSchema),
  layersChanged: z.array(layerChangeSchema),
  /** Pack names of layers that are the same in both. */
  layersUnchanged: z.array(z.string()),
  /** Whether the common layers appear in a different order. */
  orderChanged: z.boolean(),
  variablesAdded: z.array(z.string()),
  variablesRemoved: z.array(z.string()),
  /** Variables whose definition changed (format, default, flags, …). */
  variablesChanged: z.array(z.string()),
  hasChanges: z.boolean(),
});

/** @public */
export type ProfileDiff = z.infer<typeof profileDiffSchema>;

/**
 * The `apiVersion` of exported profile documents.
 *
 * @public
 */
export const PROFILE_DOCUMENT_API_VERSION = 'palette.backstage.io/v1alpha1';

/**
 * What exports write in place of a sensitive variable's default. Imports
 * drop a default equal to it.
 *
 * @public
 */
export const SENSITIVE_VALUE_MASK = '********';

/**
 * The YAML document a profile version is exported to and imported from.
 * Version metadata is optional on import (a hand-written profile has none).
 *
 * @public
 */
export const clusterProfileDocumentSchema = z.strictObject({
  apiVersion: z.literal(PROFILE_DOCUMENT_API_VERSION),
  kind: z.literal('ClusterProfile'),
  metadata: z.strictObject({
    name: profileDraftSchema.shape.name,
    displayName: z.string().optional(),
    description: z.string().optional(),
    version: semverSchema.optional(),
    changeNote: z.string().optional(),
    publishedAt: z.iso.datetime({ offset: true }).optional(),
    publishedBy: z.string().min(1).optional(),
    deprecated: z.boolean().optional(),
  }),
  spec: z.strictObject({
    type: profileTypeSchema,
    cloudType: cloudTypeSchema,
    layers: z.array(profileLayerSchema),
    variables: z.array(profileVariableSchema).optional(),
  }),
});

/** @public */
export type ClusterProfileDocument = z.infer<
  typeof clusterProfileDocumentSchema
>;
