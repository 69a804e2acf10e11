/**
 * Server-side apply and managed fields, after Kubernetes' structured-merge-diff.
 */
export type { ManagedFieldsEntry } from './managedFields';
export type { ListTypeLookup } from './values';
export { serverSideApply } from './serverSideApply';
export type { ServerSideApplyOptions } from './serverSideApply';
export { trackUpdate } from './trackUpdate';
export type { TrackUpdateOptions } from './trackUpdate';
