import { fail, pass, Rule } from './outcome';

/** Read-only imports have no desired state: the rules about it do not apply. */
const READ_ONLY = (what: string) =>
  pass(`Not applicable: the cluster was imported read-only, so ${what}`);

export const driftNone: Rule = ({ drift, imported }) => {
  if (imported === 'read-only')
    return READ_ONLY('Palette applies nothing that could drift');
  return drift.length === 0
    ? pass('The cluster matches its desired state')
    : fail(
        `${drift.length} field(s) drifted from the desired state: ${drift
          .slice(0, 5)
          .join(', ')}${drift.length > 5 ? ', …' : ''}`,
        'Review the changes made on the cluster, then let Palette re-apply the desired state',
      );
};

export const addonsRequired: Rule = (facts, { settings }) => {
  if (facts.imported === 'read-only')
    return READ_ONLY('its add-ons are not managed by a profile');
  const required = settings.requiredAddons[facts.environment] ?? [];
  if (!required.length)
    return pass(`Environment ${facts.environment} requires no add-ons`);
  const installed = new Set(facts.packNames);
  const missing = required.filter(a => !a.anyOf.some(p => installed.has(p)));
  if (!missing.length)
    return pass(
      `Required add-ons installed: ${required.map(a => a.purpose).join(', ')}`,
    );
  return fail(
    `Missing required add-on(s) in ${facts.environment}: ${missing
      .map(a => a.purpose)
      .join(', ')}`,
    `Add ${missing
      .map(a => a.anyOf.join(' or '))
      .join(', and ')} to the cluster's profile or add-on profiles`,
  );
};

export const controlPlaneHighlyAvailable: Rule = (facts, { settings }) => {
  const { replicas, managed } = facts.controlPlane;
  if (managed) return pass('The control plane is managed by the provider');
  if (replicas >= 3) return pass(`The control plane runs ${replicas} replicas`);
  if (!settings.highlyAvailableEnvironments.includes(facts.environment))
    return pass(
      `Environment ${facts.environment} does not require high availability`,
    );
  return fail(
    `The control plane runs ${replicas} replica(s) in ${facts.environment}, which requires 3 or more`,
    'Scale the control plane to 3 replicas',
  );
};

export const poolsWithinPolicy: Rule = ({ policy, pools }) => {
  if (!policy) return pass('No governance policy applies');
  const problems: string[] = [];
  for (const pool of pools) {
    if (policy.maxPoolSize !== undefined && pool.maxNodes > policy.maxPoolSize)
      problems.push(
        `pool ${pool.name} grows to ${pool.maxNodes} nodes (at most ${policy.maxPoolSize})`,
      );
    if (
      policy.allowedInstanceTypes &&
      !policy.allowedInstanceTypes.includes(pool.instanceType)
    )
      problems.push(
        `pool ${pool.name} uses ${
          pool.instanceType
        } (allowed: ${policy.allowedInstanceTypes.join(', ')})`,
      );
  }
  if (!problems.length)
    return pass(`Worker pools respect policy ${policy.label}`);
  return fail(
    `Outside policy ${policy.label}: ${problems.join('; ')}`,
    'Resize the pools or change their instance types to fit the policy',
  );
};

// An unreachable catalog says nothing about the owner: the rule does not
// fail a cluster for it, and the reason says the check was not made.
export const ownerExists: Rule = ({ owner, ownerExists: exists }) => {
  if (exists === undefined)
    return pass(
      `Owner ${owner} could not be checked: the catalog did not answer`,
    );
  if (exists) return pass(`Owner ${owner} exists in the catalog`);
  return fail(
    `Owner ${owner} does not exist in the catalog`,
    'Transfer the cluster to an existing team, or register the team in the catalog',
  );
};
