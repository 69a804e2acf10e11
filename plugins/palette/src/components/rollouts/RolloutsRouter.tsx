import { Route, Routes } from 'react-router-dom';
import { RolloutPage } from './details/RolloutPage';
import { RolloutsPage } from './list/RolloutsPage';

/** `/palette/rollouts` and `/palette/rollouts/:id`. */
export const RolloutsRouter = () => (
  <Routes>
    <Route path="/" element={<RolloutsPage />} />
    <Route path="/:id" element={<RolloutPage />} />
  </Routes>
);
