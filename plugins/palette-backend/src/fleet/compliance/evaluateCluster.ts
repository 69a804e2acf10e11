import {
  ComplianceFinding,
  ComplianceRuleId,
} from '@palette-backstage/plugin-palette-common';
import { ClusterFacts, EvaluationContext } from './facts';
import { RULES } from './ruleCatalog';
import {
  addonsRequired,
  controlPlaneHighlyAvailable,
  driftNone,
  ownerExists,
  poolsWithinPolicy,
} from './rules/clusterRules';
import {
  kubernetesEndOfLife,
  kubernetesSupported,
} from './rules/kubernetesRules';
import { Rule } from './rules/outcome';
import { profileCurrent, profileNotDeprecated } from './rules/profileRules';
import {
  scanCis,
  scanConformance,
  scanVulnerabilities,
} from './rules/scanRules';

/** The implementation of every rule id; the type makes a missing one a compile error. */
const IMPLEMENTATIONS: Record<ComplianceRuleId, Rule> = {
  'kubernetes.supported': kubernetesSupported,
  'kubernetes.endOfLife': kubernetesEndOfLife,
  'profile.notDeprecated': profileNotDeprecated,
  'profile.current': profileCurrent,
  'drift.none': driftNone,
  'addons.required': addonsRequired,
  'controlPlane.highlyAvailable': controlPlaneHighlyAvailable,
  'pools.withinPolicy': poolsWithinPolicy,
  'owner.exists': ownerExists,
  'scan.cis': scanCis,
  'scan.conformance': scanConformance,
  'scan.vulnerabilities': scanVulnerabilities,
};

/** Every rule for one cluster, in catalog order. Pure. */
export function evaluateCluster(
  facts: ClusterFacts,
  context: EvaluationContext,
): ComplianceFinding[] {
  return (Object.keys(RULES) as ComplianceRuleId[]).map(rule => {
    const outcome = IMPLEMENTATIONS[rule](facts, context);
    return {
      rule,
      severity: RULES[rule].severity,
      passed: outcome.passed,
      reason: outcome.reason,
      ...(outcome.action ? { action: outcome.action } : {}),
    };
  });
}
