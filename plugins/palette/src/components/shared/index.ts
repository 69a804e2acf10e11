export { DialogProgressActions } from './DialogProgressActions';
export { nameOptions, SelectField, type SelectOption } from './SelectField';
export { SimpleTable, type SimpleColumn } from './SimpleTable';
export { TablePaging } from './TablePaging';
