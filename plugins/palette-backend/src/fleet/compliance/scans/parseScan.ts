import { ScanKind } from '@palette-backstage/plugin-palette-common';
import { parseKubeBench } from './kubeBench';
import { parseSonobuoy } from './sonobuoy';
import { ParsedScan } from './types';
import { parseVulnerabilityReport } from './vulnerabilities';

/**
 * Parses a scan report of one kind. Bad reports throw an `InputError` (400)
 * naming what is wrong.
 */
export function parseScan(
  kind: ScanKind,
  body: unknown,
  options: { maxHighVulnerabilities: number },
): ParsedScan {
  switch (kind) {
    case 'cis':
      return parseKubeBench(body);
    case 'conformance':
      return parseSonobuoy(body);
    case 'vulnerabilities':
      return parseVulnerabilityReport(body, options.maxHighVulnerabilities);
    default:
      throw new Error(`Unknown scan kind ${kind satisfies never}`);
  }
}
