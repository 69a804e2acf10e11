import {
  costRequestOf,
  describeCostEstimate,
  listMissing,
  schemaDefault,
} from './costEstimate';
import { estimateWithFlatPrices } from './__testUtils__/estimates';

const pools = [{ name: 'workers', instanceType: 'm5.large', count: 3 }];
const form = {
  name: 'Half_typed',
  owner: 'group:default/team-apollo',
  profile: { name: 'aws-infra', version: '1.1.0' },
  cloudAccount: 'aws-dev',
  region: 'eu-west-1',
  workerPools: pools,
};

describe('costRequestOf', () => {
  it('reads the request from the fields the templates use, identity stood in', () => {
    const { request } = costRequestOf(form, { controlPlane: { replicas: 3 } });
    expect(request).toEqual({
      name: 'cost-estimate',
      owner: 'group:default/cost-estimate',
      project: 'system:default/cost-estimate',
      environment: 'estimate',
      profile: { name: 'aws-infra', version: '1.1.0' },
      cloudAccount: 'aws-dev',
      region: 'eu-west-1',
      controlPlane: { replicas: 3 },
      workerPools: pools,
    });
  });

  it('reads other field names, and prefers what the template fixes', () => {
    const { request } = costRequestOf(
      {
        base: { name: 'eks-full', version: '2.0.0' },
        account: 'aws-dev',
        zone: 'us-east-1',
        cp: { replicas: 5, instanceType: 'm5.xlarge' },
        nodes: pools,
      },
      {
        profileField: 'base',
        cloudAccountField: 'account',
        regionField: 'zone',
        controlPlaneField: 'cp',
        workerPoolsField: 'nodes',
        cloudAccount: 'eks-dev',
      },
    );
    expect(request).toMatchObject({
      profile: { name: 'eks-full', version: '2.0.0' },
      cloudAccount: 'eks-dev',
      region: 'us-east-1',
      controlPlane: { replicas: 5, instanceType: 'm5.xlarge' },
      workerPools: pools,
    });
  });

  it('takes the profile and fallback pools a field knows better', () => {
    const { request } = costRequestOf(
      { ...form, profile: undefined, workerPools: [] },
      { controlPlane: { replicas: 1 } },
      {
        profile: { name: 'dev-full', version: '1.0.0' },
        fallbackPools: [{ name: 'small', instanceType: 'small', count: 1 }],
      },
    );
    expect(request?.profile).toEqual({ name: 'dev-full', version: '1.0.0' });
    expect(request?.workerPools).toEqual([
      { name: 'small', instanceType: 'small', count: 1 },
    ]);
  });

  it('says what is missing, in the order the form asks', () => {
    expect(costRequestOf({}).missing).toEqual([
      'a cluster profile and version',
      'a cloud account',
      'a region',
      'the control plane size',
      'valid worker pools',
    ]);
    expect(
      costRequestOf(
        {
          ...form,
          region: '  ',
          workerPools: [{ name: 'workers', instanceType: '', count: 3 }],
        },
        { controlPlane: { replicas: 2 as any } },
      ).missing,
    ).toEqual(['a region', 'the control plane size', 'valid worker pools']);
  });
});

describe('schemaDefault', () => {
  it("gives a field's default from a step schema", () => {
    const schema = { properties: { workerPools: { default: pools } } };
    expect(schemaDefault(schema, 'workerPools')).toBe(pools);
    expect(schemaDefault(schema, 'other')).toBeUndefined();
    expect(schemaDefault(undefined, 'workerPools')).toBeUndefined();
  });
});

describe('describeCostEstimate', () => {
  it('gives months in whole units and hours in cents, as a range when autoscaling', async () => {
    const fixed = await estimateWithFlatPrices({
      ...costRequestOf(form, { controlPlane: { replicas: 3 } }).request!,
    });
    // 6 nodes at $0.11 an hour, 730 hours a month.
    expect(describeCostEstimate(fixed)).toBe('$482 per month ($0.66 per hour)');
    const scaled = await estimateWithFlatPrices({
      ...costRequestOf(
        {
          ...form,
          workerPools: [{ ...pools[0], autoscaling: { min: 2, max: 20 } }],
        },
        { controlPlane: { replicas: 3 } },
      ).request!,
    });
    expect(describeCostEstimate(scaled)).toBe(
      '$402–$1,847 per month ($0.55–$2.53 per hour)',
    );
  });

  it('lists what is missing in words', () => {
    expect(listMissing(['a region'])).toBe('a region');
    expect(listMissing(['a cloud account', 'a region', 'valid pools'])).toBe(
      'a cloud account, a region and valid pools',
    );
  });
});
