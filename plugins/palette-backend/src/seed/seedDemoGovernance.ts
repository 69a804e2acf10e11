import { LoggerService } from '@backstage/backend-plugin-api';
import {
  GovernancePolicy,
  TeamQuota,
} from '@palette-backstage/plugin-palette-common';
import { DatabaseGovernanceStore } from '../governance/DatabaseGovernanceStore';
import { DEMO_SEED_ACTOR } from './seedDemoProfiles';

const PLATFORM = 'group:default/platform-team';

/** The demo portal's governance: production needs the platform team's approval. */
export const DEMO_POLICIES: readonly GovernancePolicy[] = [
  {
    project: '*',
    environment: '*',
    description: 'Any project, any environment: sensible pool sizes.',
    maxPoolSize: 10,
    requireApproval: false,
  },
  {
    project: '*',
    environment: 'production',
    description:
      'Production clusters: curated profiles only, highly available sizes, approved by the platform team.',
    allowedProfiles: [
      { name: 'aws-infra' },
      { name: 'eks-full' },
      { name: 'vsphere-infra' },
      { name: 'dev-full' },
      { name: 'observability' },
    ],
    maxPoolSize: 20,
    requireApproval: true,
    approverGroup: PLATFORM,
  },
];

export const DEMO_QUOTAS: readonly TeamQuota[] = [
  {
    team: 'group:default/team-apollo',
    maxClusters: 20,
    maxNodes: 120,
    maxVcpus: 480,
    monthlyBudget: 15000,
  },
  {
    team: 'group:default/team-zephyr',
    maxClusters: 15,
    maxNodes: 80,
    maxVcpus: 320,
    monthlyBudget: 12000,
  },
];

/**
 * Seeds demo policies and quotas on a first start with the embedded defaults
 * (`palette.demoData.seed: true`), only when none exist, through the store
 * (so the audit log shows them).
 */
export async function seedDemoGovernance(
  store: DatabaseGovernanceStore,
  logger: LoggerService,
): Promise<void> {
  if ((await store.listPolicies()).length || (await store.listQuotas()).length)
    return;
  for (const policy of DEMO_POLICIES)
    await store.savePolicy(policy, DEMO_SEED_ACTOR);
  for (const quota of DEMO_QUOTAS)
    await store.saveQuota(quota, DEMO_SEED_ACTOR);
  logger.info(
    `Seeded demo governance: ${DEMO_POLICIES.length} policies, ${DEMO_QUOTAS.length} team quotas`,
  );
}
