import { API } from '../apiVersions';
import { kubeadmTopology } from './kubeadmTopology';
import type { ProviderRenderer } from './types';

// CAPD's Dev* kinds run either Docker containers or, with the `inMemory`
// backend, machines simulated inside the controller: cheap throw-away
// clusters for development and CI. Instance types mean nothing here.
const backend = { inMemory: {} };

/** Local development clusters on the Cluster API Docker provider (CAPD, in-memory backend). */
export const devRenderer: ProviderRenderer = {
  cloudType: 'dev',
  displayName: 'Local development (CAPD)',
  managedControlPlane: false,
  kinds: [
    { apiVersion: API.infrastructureV1beta2, kind: 'DevClusterTemplate' },
    { apiVersion: API.infrastructureV1beta2, kind: 'DevMachineTemplate' },
  ],
  credentialKinds: [],
  render: ctx => ({
    topology: kubeadmTopology(ctx, {
      infrastructure: {
        apiVersion: API.infrastructureV1beta2,
        kind: 'DevClusterTemplate',
        role: 'cluster',
        spec: { backend },
      },
      machine: role => ({
        apiVersion: API.infrastructureV1beta2,
        kind: 'DevMachineTemplate',
        role,
        spec: { backend },
      }),
    }),
  }),
};
