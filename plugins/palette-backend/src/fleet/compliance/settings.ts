import { Config } from '@backstage/config';

/** An add-on an environment requires: any one of these packs satisfies it. */
export interface RequiredAddon {
  /** What the add-on is for, in words, e.g. `policy engine`. */
  purpose: string;
  /** Pack names of which at least one must be in the cluster's profiles. */
  anyOf: string[];
}

/** How strict the compliance rules are (`palette.compliance`). */
export interface ComplianceSettings {
  /** How many of the newest Kubernetes minors among the packs are supported. */
  supportedMinors: number;
  /** How many published versions a cluster's profile may lag behind the latest. */
  maxProfileVersionsBehind: number;
  /** Environments whose control planes must be highly available. */
  highlyAvailableEnvironments: string[];
  /** Add-ons required per environment. */
  requiredAddons: Record<string, RequiredAddon[]>;
  /** A vulnerability scan fails with any critical or more high findings than this. */
  maxHighVulnerabilities: number;
}

/**
 * Production defaults: an admission policy engine (both engines the packs
 * know of, as they conflict with each other) and the monitoring stack.
 */
export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = {
  supportedMinors: 3,
  maxProfileVersionsBehind: 2,
  highlyAvailableEnvironments: ['production'],
  requiredAddons: {
    production: [
      { purpose: 'policy engine', anyOf: ['kyverno', 'gatekeeper'] },
      { purpose: 'monitoring', anyOf: ['kube-prometheus-stack'] },
    ],
  },
  maxHighVulnerabilities: 5,
};

/** Reads `palette.compliance`, each key falling back to its default. */
export function readComplianceSettings(config: Config): ComplianceSettings {
  const c = config.getOptionalConfig('palette.compliance');
  const d = DEFAULT_COMPLIANCE_SETTINGS;
  if (!c) return d;
  const addons = c.getOptionalConfig('requiredAddons');
  return {
    supportedMinors:
      c.getOptionalNumber('supportedMinors') ?? d.supportedMinors,
    maxProfileVersionsBehind:
      c.getOptionalNumber('maxProfileVersionsBehind') ??
      d.maxProfileVersionsBehind,
    highlyAvailableEnvironments:
      c.getOptionalStringArray('highlyAvailableEnvironments') ??
      d.highlyAvailableEnvironments,
    requiredAddons: addons
      ? Object.fromEntries(
          addons.keys().map(environment => [
            environment,
            addons.getConfigArray(environment).map(a => ({
              purpose: a.getString('purpose'),
              anyOf: a.getStringArray('anyOf'),
            })),
          ]),
        )
      : d.requiredAddons,
    maxHighVulnerabilities:
      c.getOptionalNumber('maxHighVulnerabilities') ?? d.maxHighVulnerabilities,
  };
}
