import { WorkloadCluster } from '../model/types';
import { minorOf } from '../model/version';
import { SeededRandom } from '../random';
import { scanSeed } from './seed';

/** How many [Conformance] tests a minor's e2e suite runs (it grows each release). */
const conformanceTests = (minor: number) => 300 + Math.max(0, minor - 20) * 8;

/** Conformance tests that fail on an occasional broken run. */
const FLAKY = [
  '[sig-network] DNS should provide DNS for services [Conformance]',
  '[sig-network] Services should be able to change the type from ExternalName to NodePort [Conformance]',
  '[sig-node] Pods should be submitted and removed [NodeConformance] [Conformance]',
];

/**
 * `sonobuoy status --json` of a finished certified-conformance run: the e2e
 * plugin (passes except on an occasional cluster) and systemd-logs per node.
 */
export function sonobuoyStatus(model: WorkloadCluster) {
  const random = new SeededRandom(scanSeed(model, 'sonobuoy'));
  const total = conformanceTests(minorOf(model.gitVersion));
  const failed = random.chance(0.15) ? random.int(1, 2) : 0;
  const counts: Record<string, number> = {
    passed: total - failed,
    skipped: 6500 + random.int(0, 400),
  };
  if (failed) counts.failed = failed;
  return {
    plugins: [
      {
        plugin: 'e2e',
        node: 'global',
        status: 'complete',
        'result-status': failed ? 'failed' : 'passed',
        'result-counts': counts,
        progress: {
          name: 'e2e',
          node: 'global',
          msg: 'Test Suite completed',
          total,
          completed: total,
          ...(failed ? { failures: FLAKY.slice(0, failed) } : {}),
        },
      },
      ...model.nodes.map(node => ({
        plugin: 'systemd-logs',
        node: node.name,
        status: 'complete',
        'result-status': 'passed',
        'result-counts': { passed: 1 },
      })),
    ],
    status: 'complete',
  };
}
