export { CompareTab } from './CompareTab';
export { ProfileDiffView } from './ProfileDiffView';
