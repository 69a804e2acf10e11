import {
  ClusterRequest,
  CostEstimate,
  CostLine,
  CostRange,
} from '@palette-backstage/plugin-palette-common';
import { HOURS_PER_MONTH } from './defaultPrices';
import { PriceContext, PriceModel } from './PriceModel';

/** Money as the API shows it: rounded to cents. */
export const cents = (value: number) => Math.round(value * 100) / 100;

/** A range from hourly amounts: monthly at the average month's hours. */
export function costRange(min: number, max = min): CostRange {
  return {
    hourly: { min: cents(min), max: cents(max) },
    monthly: {
      min: cents(min * HOURS_PER_MONTH),
      max: cents(max * HOURS_PER_MONTH),
    },
  };
}

const countText = (min: number, max: number) =>
  min === max ? `${min}` : `${min}–${max}`;

/**
 * What a request would cost. Autoscaled pools give a range from their
 * minimum to their maximum; a price the model does not know is counted as
 * 0 and named in the warnings, so that an estimate is never silently low.
 */
export function estimateCost(
  model: PriceModel,
  request: ClusterRequest,
  ctx: PriceContext,
): CostEstimate {
  const lines: CostLine[] = [];
  const warnings = new Set<string>();
  const total = { min: 0, max: 0 };
  const storage = { min: 0, max: 0, minGb: 0, maxGb: 0 };

  const addNodes = (label: string, type: string, min: number, max: number) => {
    const price = model.node(ctx, type);
    if (!price) {
      warnings.add(
        `no price for instance type "${type}" on ${ctx.provider} in ${ctx.region}: counted as free`,
      );
    }
    const hourly = price?.computeHourly ?? 0;
    lines.push({
      item: `${label} (${countText(min, max)} × ${type})`,
      cost: costRange(hourly * min, hourly * max),
    });
    total.min += hourly * min;
    total.max += hourly * max;
    storage.min += (price?.storageHourly ?? 0) * min;
    storage.max += (price?.storageHourly ?? 0) * max;
    storage.minGb += (price?.diskGb ?? 0) * min;
    storage.maxGb += (price?.diskGb ?? 0) * max;
  };

  if (PriceModel.isManaged(ctx.provider)) {
    const fee = model.managedControlPlaneHourly(ctx);
    lines.push({
      item: `${ctx.provider.toUpperCase()} control plane fee`,
      cost: costRange(fee),
    });
    total.min += fee;
    total.max += fee;
  } else {
    const { replicas } = request.controlPlane;
    addNodes(
      'control plane',
      request.controlPlane.instanceType ?? request.workerPools[0].instanceType,
      replicas,
      replicas,
    );
  }
  for (const pool of request.workerPools) {
    addNodes(
      `pool ${pool.name}`,
      pool.instanceType,
      pool.autoscaling?.min ?? pool.count,
      pool.autoscaling?.max ?? pool.count,
    );
  }
  lines.push({
    item: `storage (${countText(storage.minGb, storage.maxGb)} GB)`,
    cost: costRange(storage.min, storage.max),
  });
  total.min += storage.min;
  total.max += storage.max;

  return {
    currency: model.currency,
    total: costRange(total.min, total.max),
    lines,
    warnings: [...warnings],
  };
}
