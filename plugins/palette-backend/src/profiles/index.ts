/**
 * The pure domain core of cluster profiles: validation, variables, version
 * rules, diffs, export/import and the curated demo profiles.
 */
export {
  hasErrors,
  packSupportsKubernetes,
  validateProfile,
} from './validateProfile';
export {
  findMalformedVariableReferences,
  findVariableReferences,
  referencedVariableNames,
  resolveProfileValues,
  resolveVariables,
} from './variables';
export type {
  MalformedVariableReference,
  ProfileResolutionError,
  ResolvedLayerValues,
  ResolveProfileValuesResult,
  ResolveVariablesOptions,
  ResolveVariablesResult,
  VariableReference,
  VariableReferenceContext,
  VariableResolutionError,
} from './variables';
export {
  explainNextVersion,
  latestVersion,
  nextVersionIsValid,
  suggestNextVersions,
} from '@palette-backstage/plugin-palette-common';
export { diffLines, diffProfileVersions } from './diff';
export type { DiffableProfile } from './diff';
export {
  exportProfileVersion,
  MAX_PROFILE_DOCUMENT_BYTES,
  parseProfileImport,
  toProfileDocument,
} from './exportImport';
export type { ProfileImportResult } from './exportImport';
export { DEMO_PROFILE_VERSIONS } from './demoProfiles';
