import {
  ComplianceRuleId,
  ComplianceSeverity,
} from '@palette-backstage/plugin-palette-common';

/** What the fleet views say about a rule. */
export interface RuleDefinition {
  severity: ComplianceSeverity;
  description: string;
}

/**
 * Every rule with its severity. Severity reflects the risk of the failure:
 * an end-of-life control plane or exploitable vulnerabilities are critical,
 * a lagging profile version is hygiene.
 */
export const RULES: Record<ComplianceRuleId, RuleDefinition> = {
  'kubernetes.supported': {
    severity: 'high',
    description: 'Kubernetes runs a minor within the supported window',
  },
  'kubernetes.endOfLife': {
    severity: 'critical',
    description: 'Kubernetes is not past its end of life',
  },
  'profile.notDeprecated': {
    severity: 'medium',
    description: 'The cluster profile version is not deprecated',
  },
  'profile.current': {
    severity: 'low',
    description: 'The cluster profile version is close to the latest',
  },
  'drift.none': {
    severity: 'medium',
    description: 'The cluster matches its desired state',
  },
  'addons.required': {
    severity: 'high',
    description: "The environment's required add-ons are installed",
  },
  'controlPlane.highlyAvailable': {
    severity: 'high',
    description: 'The control plane is highly available where required',
  },
  'pools.withinPolicy': {
    severity: 'medium',
    description: 'Worker pools respect the governance policy',
  },
  'owner.exists': {
    severity: 'low',
    description: 'The owning team exists in the catalog',
  },
  'scan.cis': {
    severity: 'high',
    description: 'The CIS benchmark scan passes',
  },
  'scan.conformance': {
    severity: 'medium',
    description: 'The Kubernetes conformance scan passes',
  },
  'scan.vulnerabilities': {
    severity: 'critical',
    description: 'The vulnerability scan finds nothing above the threshold',
  },
};

/** Score weights: a critical failure costs ten times a low one. */
export const SEVERITY_WEIGHTS: Record<ComplianceSeverity, number> = {
  critical: 10,
  high: 5,
  medium: 3,
  low: 1,
};
