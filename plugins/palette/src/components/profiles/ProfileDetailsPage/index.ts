export { ProfileDetailsPage } from './ProfileDetailsPage';
