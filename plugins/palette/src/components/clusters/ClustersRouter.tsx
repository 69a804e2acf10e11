import { Route, Routes } from 'react-router-dom';
import { ClusterPage } from './details';
import { FleetPage } from './fleet';

/** `/palette/clusters` and `/palette/clusters/:name`. */
export const ClustersRouter = () => (
  <Routes>
    <Route path="/" element={<FleetPage />} />
    <Route path="/:name" element={<ClusterPage />} />
  </Routes>
);
