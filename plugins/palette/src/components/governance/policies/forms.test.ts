import { policy, quota, usage } from '../__testUtils__/fixtures';
import {
  emptyPolicyForm,
  toPolicyForm,
  toPolicyInput,
  validatePolicyForm,
} from './policyForm';
import { emptyQuotaForm, toTeamQuota, validateQuotaForm } from './quotaForm';
import { teamRows } from './QuotasCard';
import { usageLevel } from './UsageBar';

const fieldsOf = (messages: Array<{ field: string; message: string }>) =>
  Object.fromEntries(messages.map(m => [m.field, m.message]));

describe('policy form', () => {
  it('round-trips a stored policy', () => {
    const { updatedAt: _a, updatedBy: _b, ...input } = policy();
    expect(toPolicyInput(toPolicyForm(policy()))).toEqual(input);
  });

  it('leaves empty lists and limits out (they allow anything) and normalizes refs', () => {
    expect(
      toPolicyInput({
        ...emptyPolicyForm(),
        project: ' payments ',
        environment: 'dev',
        regions: ['', ' eu-west-1 ', 'eu-west-1'],
        profiles: [{ name: 'aws-infra', versions: [] }],
        approverGroup: 'ignored-without-approval',
      }),
    ).toEqual({
      project: 'system:default/payments',
      environment: 'dev',
      requireApproval: false,
      allowedRegions: ['eu-west-1'],
      allowedProfiles: [{ name: 'aws-infra' }],
    });
    expect(
      toPolicyInput({ ...emptyPolicyForm(), project: '*', environment: '*' }),
    ).toMatchObject({ project: '*', environment: '*' });
  });

  it('says what is wrong, by the fields governancePolicySchema names', () => {
    expect(fieldsOf(validatePolicyForm(emptyPolicyForm()))).toEqual({
      project: 'is required',
      environment: 'is required',
    });
    const messages = validatePolicyForm({
      ...emptyPolicyForm(),
      project: 'payments',
      environment: 'production',
      maxPoolSize: '2000',
      requireApproval: true,
      profiles: [
        { name: 'aws-infra', versions: ['1.x'] },
        { name: 'aws-infra', versions: [] },
      ],
    });
    expect(fieldsOf(messages)).toEqual({
      approverGroup: 'is required when approval is required',
      maxPoolSize: expect.stringMatching(/1000/),
      'allowedProfiles.0.versions.0': expect.any(String),
      'allowedProfiles.1.name': 'aws-infra is listed twice',
    });
    expect(
      fieldsOf(
        validatePolicyForm({
          ...emptyPolicyForm(),
          project: 'payments',
          environment: 'dev',
          maxPoolSize: 'ten',
        }),
      ),
    ).toEqual({ maxPoolSize: 'must be a whole number' });
  });
});

describe('quota form', () => {
  it('sends only the limits given, with the team as a group ref', () => {
    expect(
      toTeamQuota({
        ...emptyQuotaForm(),
        team: 'team-apollo',
        maxNodes: '40',
        monthlyBudget: '2500.50',
      }),
    ).toEqual({
      team: 'group:default/team-apollo',
      maxNodes: 40,
      monthlyBudget: 2500.5,
    });
  });

  it('says what is wrong', () => {
    expect(fieldsOf(validateQuotaForm(emptyQuotaForm()))).toEqual({
      team: 'is required',
    });
    expect(
      fieldsOf(
        validateQuotaForm({
          ...emptyQuotaForm(),
          team: 'team-apollo',
          maxClusters: '1.5',
          monthlyBudget: 'lots',
        }),
      ),
    ).toEqual({
      maxClusters: 'must be a whole number',
      monthlyBudget: 'must be an amount such as 2500',
    });
  });
});

describe('team rows', () => {
  it('joins quotas with usage, teams without either side included', () => {
    const rows = teamRows(
      [quota(), quota({ team: 'group:default/team-hermes' })],
      [usage(), usage({ team: 'group:default/team-zeus', quota: undefined })],
    );
    expect(rows.map(r => r.team)).toEqual([
      'group:default/team-apollo',
      'group:default/team-hermes',
      'group:default/team-zeus',
    ]);
    expect(rows[1].usage).toEqual({
      clusters: 0,
      nodes: 0,
      vcpus: 0,
      monthlyCost: 0,
    });
    expect(rows[2].quota).toBeUndefined();
  });

  it('grades usage against a limit', () => {
    expect(usageLevel(3, 5)).toBe('ok');
    expect(usageLevel(4, 5)).toBe('near');
    expect(usageLevel(5, 5)).toBe('over');
    expect(usageLevel(0, 0)).toBe('ok');
    expect(usageLevel(1, 0)).toBe('over');
  });
});
