import { ComplianceFinding } from '@palette-backstage/plugin-palette-common';
import { ClusterFacts, EvaluationContext } from '../facts';

/** A rule's verdict, before its id and severity are attached. */
export type Outcome = Pick<ComplianceFinding, 'passed' | 'reason' | 'action'>;

/** One compliance rule: a pure function of the facts. */
export type Rule = (facts: ClusterFacts, context: EvaluationContext) => Outcome;

export const pass = (reason: string): Outcome => ({ passed: true, reason });

export const fail = (reason: string, action: string): Outcome => ({
  passed: false,
  reason,
  action,
});
