export { PublishDialog } from './PublishDialog';
