export { RequestClusterDialog } from './RequestClusterDialog';
export { VariableFields, type MessagesOf } from './VariableFields';
export { WorkerPoolFields } from './WorkerPoolFields';
export { AddOnProfilesFields } from './ProfileFields';
export { ManifestsView } from './ManifestsView';
export { NameFields } from './NameFields';
export { OwnershipFields } from './OwnershipFields';
export {
  ownershipMessages,
  toOwnershipRequest,
  type AddOnForm,
  type OwnershipForm,
} from './requestForm';
export {
  newPool,
  poolMessages,
  toPoolForm,
  toWorkerPool,
  type PoolForm,
} from './poolForm';
export {
  usePublishedProfiles,
  useProfileVariables,
  usableVersions,
  addOnsFor,
} from './useRequestData';
