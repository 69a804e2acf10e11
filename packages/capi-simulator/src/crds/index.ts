/**
 * CustomResourceDefinitions loaded from YAML files, with kube-apiserver's
 * structural-schema pruning, defaulting and validation of custom resources.
 */
export type {
  CrdSchema,
  FieldCause,
  FieldCauseReason,
  LoadedCrds,
} from './types';
export { loadCrdsFromDir } from './loader';
export { compileSchema } from './schema';
export type { CompiledSchema } from './schema';
