export { AddButton } from './AddButton';
export { ChosenProfilesField } from './ChosenProfilesField';
export { ConfirmDialog } from './ConfirmDialog';
export { DialogProgressActions } from './DialogProgressActions';
export { FieldSet } from './FieldSet';
export { FormDialog } from './FormDialog';
export { FormSection } from './FormSection';
export { DeleteIconButton, EditIconButton } from './IconButtons';
export { ListCard, type ListCardRemoval } from './ListCard';
export { NoMatches, ReloadProgress } from './ListStatus';
export { PagedListBody } from './PagedListBody';
export { nameOptions, SelectField, type SelectOption } from './SelectField';
export { SimpleTable, type SimpleColumn } from './SimpleTable';
export { TablePaging } from './TablePaging';
export { useBusyAction, type BusyAction } from './useBusyAction';
export {
  useCheckedForm,
  type CheckedCall,
  type CheckedForm,
} from './useCheckedForm';
export { useSaveForm, type SaveForm } from './useSaveForm';
