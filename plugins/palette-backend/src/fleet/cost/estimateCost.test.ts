import { ConfigReader } from '@backstage/config';
import { devRequest } from '../../clusters/testFixtures';
import { HOURS_PER_MONTH } from './defaultPrices';
import { estimateCost } from './estimateCost';
import { costSettingsFrom, readCostSettings } from './priceConfig';
import { PriceModel } from './PriceModel';

const model = (cost: object = {}) =>
  new PriceModel(readCostSettings(new ConfigReader({ palette: { cost } })));

const eks = {
  provider: 'eks',
  region: 'us-east-1',
  cloudAccount: 'eks-a',
} as const;

describe('estimateCost', () => {
  it('prices an autoscaled pool as a range, with the managed fee and storage', () => {
    const request = devRequest('a', {
      workerPools: [
        {
          name: 'workers',
          instanceType: 'm5.large',
          count: 2,
          autoscaling: { min: 2, max: 5 },
        },
      ],
    });
    const estimate = estimateCost(model(), request, eks);
    const storageHourly = (80 * 0.08) / HOURS_PER_MONTH;
    expect(estimate.currency).toBe('USD');
    expect(estimate.warnings).toEqual([]);
    expect(estimate.lines.map(l => l.item)).toEqual([
      'EKS control plane fee',
      'pool workers (2–5 × m5.large)',
      'storage (160–400 GB)',
    ]);
    expect(estimate.total.hourly.min).toBeCloseTo(
      0.1 + 2 * (0.096 + storageHourly),
      2,
    );
    expect(estimate.total.hourly.max).toBeCloseTo(
      0.1 + 5 * (0.096 + storageHourly),
      2,
    );
    expect(estimate.total.monthly.max).toBeCloseTo(
      (0.1 + 5 * (0.096 + storageHourly)) * HOURS_PER_MONTH,
      0,
    );
  });

  it('prices private clouds per vCPU, memory and disk, control plane included', () => {
    const estimate = estimateCost(
      model({
        private: {
          vsphere: { vcpuHour: 0.03, memoryGbHour: 0.01, storageGbMonth: 0 },
        },
      }),
      devRequest('b', { controlPlane: { replicas: 3, instanceType: 'small' } }),
      { provider: 'vsphere', region: 'dc1', cloudAccount: 'v' },
    );
    const small = 2 * 0.03 + 4 * 0.01;
    const medium = 4 * 0.03 + 8 * 0.01;
    expect(estimate.lines[0]).toMatchObject({
      item: 'control plane (3 × small)',
    });
    expect(estimate.total.hourly).toEqual({
      min: Math.round((3 * small + 2 * medium) * 100) / 100,
      max: Math.round((3 * small + 2 * medium) * 100) / 100,
    });
  });

  it('applies an account discount and negotiated prices, and falls back to the default region', () => {
    const m = model({
      accounts: {
        'eks-a': { discount: 0.5, instanceTypes: { 'm5.large': 0.05 } },
      },
    });
    expect(m.node(eks, 'm5.large')?.computeHourly).toBeCloseTo(0.025, 5);
    expect(m.managedControlPlaneHourly(eks)).toBeCloseTo(0.05, 5);
    const elsewhere = { ...eks, region: 'ap-south-2', cloudAccount: 'other' };
    expect(m.node(elsewhere, 'm5.xlarge')?.computeHourly).toBe(0.192);
  });

  it('warns about an unknown instance type and counts it as free', () => {
    const estimate = estimateCost(
      model(),
      devRequest('c', {
        workerPools: [{ name: 'gpu', instanceType: 'p5.48xlarge', count: 1 }],
      }),
      eks,
    );
    expect(estimate.warnings).toEqual([
      'no price for instance type "p5.48xlarge" on eks in us-east-1: counted as free',
    ]);
    expect(estimate.total.hourly.min).toBe(0.1);
  });

  it('merges configured prices over the defaults, type by type', () => {
    const settings = costSettingsFrom({
      currency: 'EUR',
      aws: { regions: { 'us-east-1': { 'm5.large': 0.09 } } },
    });
    expect(settings.currency).toBe('EUR');
    expect(settings.public.aws.regions['us-east-1']['m5.large']).toBe(0.09);
    expect(settings.public.aws.regions['us-east-1']['m5.xlarge']).toBe(0.192);
  });

  it('refuses invalid settings at start, naming each problem', () => {
    expect(() =>
      model({ currency: 'dollars', accounts: { a: { discount: 2 } } }),
    ).toThrow(
      'Invalid configuration: palette.cost.currency: must be an ISO 4217 code such as USD; palette.cost.accounts.a.discount: Too big: expected number to be <=1',
    );
  });
});
