import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  ClusterDryRunResponse,
  CostEstimate,
  RenderedObject,
} from '@palette-backstage/plugin-palette-common';

/** `3 objects: 1 Cluster, 2 MachineDeployment`, kinds in the order rendered. */
export function summarizeManifests(manifests: RenderedObject[]): string {
  if (manifests.length === 0) return 'no objects';
  const byKind = new Map<string, number>();
  for (const { kind } of manifests) {
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const kinds = [...byKind].map(([kind, count]) => `${count} ${kind}`);
  const noun = manifests.length === 1 ? 'object' : 'objects';
  return `${manifests.length} ${noun}: ${kinds.join(', ')}`;
}

const range = ({ min, max }: { min: number; max: number }) =>
  min === max ? min.toFixed(2) : `${min.toFixed(2)}–${max.toFixed(2)}`;

/** `412.50–780.00 USD per month (0.57–1.07 per hour)`: a range when pools autoscale. */
export function describeEstimate(estimate: CostEstimate): string {
  const { monthly, hourly } = estimate.total;
  return `${range(monthly)} ${estimate.currency} per month (${range(
    hourly,
  )} per hour)`;
}

/**
 * Logs what palette-backend said of a cluster request in a dry run, then
 * fails the way the real request would: a governance refusal as
 * `NotAllowedError` (403) and invalid input as `InputError` (400), each
 * naming the fields concerned, so a template's dry run in the editor shows
 * what its real run would meet.
 */
export function reportDryRun(
  logger: LoggerService,
  name: string,
  result: ClusterDryRunResponse,
): void {
  for (const m of result.messages) {
    const line = `${m.field}: ${m.message}`;
    if (m.severity === 'error') logger.error(line);
    else if (m.severity === 'warning') logger.warn(line);
    else logger.info(line);
  }
  logger.info(
    `Cluster ${name} would apply ${summarizeManifests(result.manifests)}`,
  );

  const estimate = result.costEstimate;
  if (estimate) logger.info(`Estimated cost: ${describeEstimate(estimate)}`);
  const governance = result.governance;
  if (governance) {
    if (!estimate) {
      logger.info(
        `Estimated monthly cost: ${governance.estimatedMonthlyCost.toFixed(2)}`,
      );
    }
    if (governance.approval) {
      logger.info(
        `The request would wait for approval by ${governance.approval.approverGroup}`,
      );
    }
    if (governance.violations.length > 0) {
      throw new NotAllowedError(
        governance.violations.map(v => `${v.field}: ${v.message}`).join('; '),
      );
    }
  }
  if (!result.valid) {
    const errors = result.messages.filter(m => m.severity === 'error');
    throw new InputError(
      `Invalid cluster request: ${errors
        .map(m => `${m.field}: ${m.message}`)
        .join('; ')}`,
    );
  }
}
