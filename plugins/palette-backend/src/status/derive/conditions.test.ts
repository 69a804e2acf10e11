import {
  CollectedCondition,
  describeCondition,
  isFailure,
  isUnmet,
  mostRelevant,
} from './conditions';

const c = (
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason?: string,
  extra: Partial<CollectedCondition> = {},
): CollectedCondition => ({
  source: 'Cluster',
  type,
  status,
  reason,
  deprecated: false,
  ...extra,
});

describe('condition classification', () => {
  it('treats False on negative-polarity conditions as the normal state', () => {
    for (const type of ['RollingOut', 'ScalingUp', 'Deleting', 'Paused']) {
      expect(isUnmet(c(type, 'False', `Not${type}`))).toBe(false);
    }
    expect(isUnmet(c('Available', 'False', 'NotAvailable'))).toBe(true);
    expect(isUnmet(c('Available', 'Unknown', 'AvailableUnknown'))).toBe(false);
  });

  it.each([
    ['NotAvailable', false],
    ['WaitingForControlPlaneInitialization', false],
    ['MachineDeploymentsUpgradePending', false],
    ['ProbeFailed', false],
    ['ReconcileFailed', true],
    ['ClusterClassNotFound', true],
    ['SimulatedFailure', true],
  ])('a False condition with reason %s is a failure: %s', (reason, failure) => {
    expect(isFailure(c('ControlPlaneAvailable', 'False', reason))).toBe(
      failure,
    );
  });

  it('decides v1beta1 conditions by severity, and never on deprecated ones', () => {
    expect(
      isFailure(c('Ready', 'False', 'Creating', { severity: 'Error' })),
    ).toBe(true);
    expect(
      isFailure(c('Ready', 'False', 'VpcFailed', { severity: 'Warning' })),
    ).toBe(false);
    expect(
      isFailure(c('Ready', 'False', 'VpcFailed', { severity: 'Info' })),
    ).toBe(false);
    expect(isUnmet(c('Ready', 'False', 'X', { deprecated: true }))).toBe(false);
  });

  it('explains a problem by a failure first and by the Cluster summary last', () => {
    const summary = c('Available', 'False', 'NotAvailable');
    const waiting = c('WorkersAvailable', 'False', 'NotAvailable');
    const failure = c('Ready', 'False', 'EKSFailed', {
      source: 'AWSManagedControlPlane/demo',
      severity: 'Error',
      message: '* first line\n* second line',
    });
    expect(mostRelevant([summary, waiting, failure])).toBe(failure);
    expect(mostRelevant([summary, waiting])).toBe(waiting);
    expect(describeCondition(failure)).toBe(
      'AWSManagedControlPlane/demo: Ready is False (EKSFailed): first line',
    );
  });
});
