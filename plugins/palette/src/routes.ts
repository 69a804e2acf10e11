import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The Palette page. @public */
export const rootRouteRef = createRouteRef({ id: 'palette' });

/** The list of cluster profiles, under the Palette page. @public */
export const profilesRouteRef = createSubRouteRef({
  id: 'palette/profiles',
  parent: rootRouteRef,
  path: '/profiles',
});

/** One cluster profile, under the Palette page. @public */
export const profileRouteRef = createSubRouteRef({
  id: 'palette/profile',
  parent: rootRouteRef,
  path: '/profiles/:name',
});

/** The fleet of clusters, under the Palette page. @public */
export const clustersRouteRef = createSubRouteRef({
  id: 'palette/clusters',
  parent: rootRouteRef,
  path: '/clusters',
});

/** One cluster's live lifecycle, under the Palette page. @public */
export const clusterRouteRef = createSubRouteRef({
  id: 'palette/cluster',
  parent: rootRouteRef,
  path: '/clusters/:name',
});

/** Cluster requests waiting for (or given) an approval, under the Palette page. @public */
export const approvalsRouteRef = createSubRouteRef({
  id: 'palette/approvals',
  parent: rootRouteRef,
  path: '/approvals',
});

/** Governance policies and team quotas, under the Palette page. @public */
export const governanceRouteRef = createSubRouteRef({
  id: 'palette/governance',
  parent: rootRouteRef,
  path: '/governance',
});

/** The audit log, under the Palette page. @public */
export const auditRouteRef = createSubRouteRef({
  id: 'palette/audit',
  parent: rootRouteRef,
  path: '/audit',
});

/** Fleet cost, under the Palette page. @public */
export const costRouteRef = createSubRouteRef({
  id: 'palette/cost',
  parent: rootRouteRef,
  path: '/cost',
});

/** Fleet compliance, under the Palette page. @public */
export const complianceRouteRef = createSubRouteRef({
  id: 'palette/compliance',
  parent: rootRouteRef,
  path: '/compliance',
});

/** Fleet rollouts of profile versions, under the Palette page. @public */
export const rolloutsRouteRef = createSubRouteRef({
  id: 'palette/rollouts',
  parent: rootRouteRef,
  path: '/rollouts',
});

/** One rollout's waves and progress, under the Palette page. @public */
export const rolloutRouteRef = createSubRouteRef({
  id: 'palette/rollout',
  parent: rootRouteRef,
  path: '/rollouts/:id',
});
