import { Route, Routes } from 'react-router-dom';
import { ProfileDetailsPage } from './ProfileDetailsPage';
import { ProfilesPage } from './ProfilesPage';

/** `/palette/profiles` and `/palette/profiles/:name`. */
export const ProfilesRouter = () => (
  <Routes>
    <Route path="/" element={<ProfilesPage />} />
    <Route path="/:name" element={<ProfileDetailsPage />} />
  </Routes>
);
