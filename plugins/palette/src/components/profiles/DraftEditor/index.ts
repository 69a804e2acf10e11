export { DraftEditor } from './DraftEditor';
