import { ComplianceFinding } from '@palette-backstage/plugin-palette-common';
import { SEVERITY_WEIGHTS } from './ruleCatalog';

/** 0–100: the share of severity weight carried by passing rules, rounded. */
export function complianceScore(
  findings: readonly ComplianceFinding[],
): number {
  let total = 0;
  let passed = 0;
  for (const finding of findings) {
    const weight = SEVERITY_WEIGHTS[finding.severity];
    total += weight;
    if (finding.passed) passed += weight;
  }
  return total === 0 ? 100 : Math.round((passed / total) * 100);
}
