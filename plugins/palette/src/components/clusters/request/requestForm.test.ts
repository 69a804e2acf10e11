import { ProfileVariable } from '@palette-backstage/plugin-palette-common';
import { newPool, poolMessages } from './poolForm';
import {
  emptyRequestForm,
  RequestForm,
  toClusterRequest,
  validateRequestForm,
  variableControl,
  initialVariableValue,
  withVariableDefaults,
} from './requestForm';

const variable = (v: Partial<ProfileVariable>): ProfileVariable => ({
  name: 'x',
  displayName: 'X',
  format: 'string',
  ...v,
});

const valid = (overrides: Partial<RequestForm> = {}): RequestForm => ({
  ...emptyRequestForm(),
  name: 'dev-eks-01',
  profile: 'aws-infra',
  version: '1.1.0',
  cloudAccount: 'aws-dev',
  region: 'eu-west-1',
  pools: [newPool(0, { instanceType: 'm5.large' })],
  owner: 'team-apollo',
  project: 'payments',
  ...overrides,
});

describe('request form', () => {
  it('asks each variable with the control its definition implies', () => {
    expect(variableControl(variable({ format: 'boolean' })).control).toBe(
      'checkbox',
    );
    expect(variableControl(variable({ format: 'number' })).control).toBe(
      'number',
    );
    expect(variableControl(variable({ sensitive: true })).control).toBe(
      'password',
    );
    expect(
      variableControl(variable({ options: [{ value: 'a' }] })).control,
    ).toBe('dropdown');
    expect(variableControl(variable({ inputType: 'textarea' })).control).toBe(
      'textarea',
    );
    expect(variableControl(variable({ hidden: true }))).toMatchObject({
      asked: false,
      editable: false,
    });
    expect(variableControl(variable({ readOnly: true }))).toMatchObject({
      asked: true,
      editable: false,
    });
  });

  it('starts variables at their defaults, never at a sensitive one', () => {
    expect(initialVariableValue(variable({ default: '3' }))).toBe('3');
    expect(
      initialVariableValue(variable({ default: 'hunter2', sensitive: true })),
    ).toBe('');
    expect(initialVariableValue(variable({ format: 'boolean' }))).toBe('false');
    const values = { a: 'kept' };
    expect(withVariableDefaults(values, [variable({ name: 'a' })])).toBe(
      values,
    );
    expect(
      withVariableDefaults(values, [variable({ name: 'b', default: '1' })]),
    ).toEqual({ a: 'kept', b: '1' });
  });

  it('builds the API request with normalized refs and only editable, set variables', () => {
    const variables = [
      variable({ name: 'podCidr', format: 'cidr' }),
      variable({ name: 'fixed', readOnly: true, default: 'a' }),
      variable({ name: 'secret', hidden: true }),
      variable({ name: 'empty' }),
    ];
    const form = valid({
      variables: { podCidr: '10.0.0.0/16', fixed: 'b', secret: 'c', empty: '' },
      controlPlaneInstanceType: 'm5.large',
      description: '  demo ',
    });
    expect(toClusterRequest(form, variables)).toEqual({
      name: 'dev-eks-01',
      profile: { name: 'aws-infra', version: '1.1.0' },
      addOnProfiles: [],
      variables: { podCidr: '10.0.0.0/16' },
      cloudAccount: 'aws-dev',
      region: 'eu-west-1',
      controlPlane: { replicas: 3, instanceType: 'm5.large' },
      workerPools: [{ name: 'workers', instanceType: 'm5.large', count: 3 }],
      owner: 'group:default/team-apollo',
      project: 'system:default/payments',
      environment: 'dev',
      description: 'demo',
    });
  });

  it('finds no problem in a valid form', () => {
    expect(validateRequestForm(valid(), [])).toEqual([]);
  });

  it('names each problem by its request path', () => {
    const variables = [
      variable({ name: 'podCidr', format: 'cidr', required: true }),
      variable({ name: 'replicas', format: 'number', required: true }),
      variable({ name: 'withDefault', required: true, default: 'x' }),
    ];
    const form = valid({
      name: 'Bad_Name',
      owner: 'a:b:c',
      variables: { podCidr: '10.0.0.0', replicas: '', withDefault: '' },
      pools: [
        newPool(0, { instanceType: 'm5.large' }),
        newPool(1, { name: 'workers', instanceType: '', count: 'two' }),
      ],
    });
    const fields = validateRequestForm(form, variables).map(
      m => `${m.field}: ${m.message}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^name: must be a DNS-1123 label/),
        expect.stringMatching(/^owner: must be a group/),
        expect.stringMatching(
          /^variables\.podCidr: "10\.0\.0\.0" is not an IPv4 CIDR block/,
        ),
        'variables.replicas: is required',
        'workerPools.1.instanceType: is required',
        'workerPools.1.count: must be a whole number',
      ]),
    );
    expect(fields.join('\n')).not.toMatch(/withDefault/);
  });

  it('checks pools as workerPoolSchema does', () => {
    expect(poolMessages(newPool(0, { instanceType: 'm5.large' }))).toEqual([]);
    const messages = poolMessages(
      newPool(0, {
        name: 'A pool',
        instanceType: 'm5.large',
        count: '9',
        autoscaling: true,
        min: '1',
        max: '5',
      }),
    ).map(m => m.field);
    expect(messages).toEqual(['name', 'count']);
  });
});
