/**
 * The curated pack registry and the values helpers profiles are checked
 * with.
 */
export { BUILTIN_PACKS } from './builtinPacks';
export { OS_PACKS } from './osPacks';
export { KUBERNETES_PACKS } from './kubernetesPacks';
export { CNI_PACKS } from './cniPacks';
export { CSI_PACKS } from './csiPacks';
export { ADDON_PACKS } from './addonPacks';
export { PackRegistry, packSupportsCloudType } from './PackRegistry';
export type { PackListFilter } from './PackRegistry';
export {
  joinValuePath,
  mergeValues,
  parseValuesYaml,
  validateAgainstSchema,
} from './values';
export type {
  ParseValuesResult,
  SchemaViolation,
  ValuesObject,
} from './values';
export { describeZodIssues, formatIssuePath } from './zodIssues';
