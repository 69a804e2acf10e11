import {
  ClusterProfileDocument,
  clusterProfileDocumentSchema,
  PROFILE_DOCUMENT_API_VERSION,
  ProfileDraft,
  ProfileVariable,
  ProfileVersion,
  SENSITIVE_VALUE_MASK,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import { formatIssuePath } from '../packs/zodIssues';

/**
 * The largest profile document {@link parseProfileImport} accepts.
 *
 * @public
 */
export const MAX_PROFILE_DOCUMENT_BYTES = 1024 * 1024;

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * Builds the exported document of a profile version (or draft): the
 * `ClusterProfile` document of `apiVersion: palette.backstage.io/v1alpha1`,
 * with the default of every sensitive variable replaced by
 * `SENSITIVE_VALUE_MASK`.
 *
 * @public
 */
export function toProfileDocument(
  profile: ProfileDraft &
    Partial<
      Pick<
        ProfileVersion,
        'version' | 'changeNote' | 'publishedAt' | 'publishedBy' | 'deprecated'
      >
    >,
): ClusterProfileDocument {
  const variables = profile.variables?.map(variable =>
    withoutUndefined<ProfileVariable>({
      ...variable,
      default:
        variable.sensitive && variable.default !== undefined
          ? SENSITIVE_VALUE_MASK
          : variable.default,
    }),
  );
  return {
    apiVersion: PROFILE_DOCUMENT_API_VERSION,
    kind: 'ClusterProfile',
    metadata: withoutUndefined({
      name: profile.name,
      displayName: profile.displayName,
      description: profile.description,
      version: profile.version,
      changeNote: profile.changeNote,
      publishedAt: profile.publishedAt,
      publishedBy: profile.publishedBy,
      deprecated: profile.deprecated,
    }),
    spec: withoutUndefined({
      type: profile.type,
      cloudType: profile.cloudType,
      layers: profile.layers.map(layer => withoutUndefined({ ...layer })),
      variables,
    }),
  };
}

/**
 * Exports a profile version as YAML for sharing or version control.
 * Sensitive variable defaults are masked; values overrides are written as
 * block scalars so they stay readable and diffable.
 *
 * @public
 */
export function exportProfileVersion(
  version: ProfileDraft &
    Partial<
      Pick<
        ProfileVersion,
        'version' | 'changeNote' | 'publishedAt' | 'publishedBy' | 'deprecated'
      >
    >,
): string {
  const header = `# Cluster profile ${version.name}${
    version.version ? ` ${version.version}` : ''
  }, exported from Palette for Backstage.\n`;
  return (
    header +
    yaml.dump(toProfileDocument(version), {
      lineWidth: -1,
      noRefs: true,
      quotingType: '"',
    })
  );
}

/**
 * The outcome of {@link parseProfileImport}.
 *
 * @public
 */
export type ProfileImportResult =
  | {
      ok: true;
      document: ClusterProfileDocument;
      /** The profile content, ready to become a draft. */
      draft: ProfileDraft;
      /** The version record, when the document carries complete version metadata. */
      version?: ProfileVersion;
      /** Non-blocking notes (e.g. masked sensitive defaults that were dropped). */
      messages: ValidationMessage[];
    }
  | { ok: false; errors: ValidationMessage[] };

/**
 * Parses and checks an exported (or hand-written) profile document. Errors
 * carry the field path in the document (e.g. `spec.layers[1].packVersion`).
 * Masked sensitive defaults are dropped, so the imported profile asks for
 * those values again. This checks the document's shape only; run
 * `validateProfile` on the draft for the pack rules.
 *
 * @public
 */
export function parseProfileImport(text: string): ProfileImportResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_PROFILE_DOCUMENT_BYTES) {
    return {
      ok: false,
      errors: [
        {
          severity: 'error',
          code: 'import.size',
          field: '(document)',
          message: `the document is larger than ${
            MAX_PROFILE_DOCUMENT_BYTES / 1024
          } KiB`,
        },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    const mark = error instanceof yaml.YAMLException ? error.mark : undefined;
    const reason =
      error instanceof yaml.YAMLException ? error.reason : String(error);
    return {
      ok: false,
      errors: [
        {
          severity: 'error',
          code: 'import.yaml',
          field: '(document)',
          message: `invalid YAML${
            mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : ''
          }: ${reason}`,
        },
      ],
    };
  }

  const parsed = clusterProfileDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(issue => ({
        severity: 'error' as const,
        code: 'import.schema',
        field: formatIssuePath(issue.path) || '(document)',
        message: issue.message,
      })),
    };
  }

  const document = parsed.data;
  const messages: ValidationMessage[] = [];
  const variables = document.spec.variables?.map((variable, index) => {
    if (variable.sensitive && variable.default === SENSITIVE_VALUE_MASK) {
      messages.push({
        severity: 'info',
        code: 'import.maskedDefault',
        field: `spec.variables[${index}].default`,
        message: `the default of the sensitive variable "${variable.name}" was masked on export and is not imported; set it again if needed`,
      });
      const { default: _masked, ...rest } = variable;
      return rest;
    }
    return variable;
  });

  const { metadata, spec } = document;
  const draft: ProfileDraft = withoutUndefined({
    name: metadata.name,
    displayName: metadata.displayName,
    description: metadata.description,
    type: spec.type,
    cloudType: spec.cloudType,
    layers: spec.layers,
    variables,
  });

  const complete =
    metadata.version !== undefined &&
    metadata.changeNote !== undefined &&
    metadata.publishedAt !== undefined &&
    metadata.publishedBy !== undefined;
  const version: ProfileVersion | undefined = complete
    ? withoutUndefined({
        ...draft,
        version: metadata.version!,
        changeNote: metadata.changeNote!,
        publishedAt: metadata.publishedAt!,
        publishedBy: metadata.publishedBy!,
        deprecated: metadata.deprecated,
      })
    : undefined;

  return {
    ok: true,
    document,
    draft,
    ...(version ? { version } : {}),
    messages,
  };
}
