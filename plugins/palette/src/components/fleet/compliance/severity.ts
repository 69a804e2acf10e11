import { ComplianceSeverity } from '@palette-backstage/plugin-palette-common';

/** Severities, worst first. */
export const SEVERITIES: ComplianceSeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
];

/** How a severity or a score is coloured. */
export const SEVERITY_TONES: Record<
  ComplianceSeverity,
  'error' | 'warning' | undefined
> = { critical: 'error', high: 'error', medium: 'warning', low: undefined };

/** A score's colour: good from 90, fair from 70, else poor. */
export const scoreTone = (score: number) => {
  if (score >= 90) return 'success' as const;
  if (score >= 70) return 'warning' as const;
  return 'error' as const;
};
