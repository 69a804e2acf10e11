export { ProfilesRouter } from './ProfilesRouter';
export { ProfilesPage } from './ProfilesPage';
export { ProfileDetailsPage } from './ProfileDetailsPage';
