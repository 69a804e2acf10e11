import { ScanKind } from '@palette-backstage/plugin-palette-common';
import { fail, pass, Rule } from './outcome';

const SCAN_NAMES: Record<ScanKind, string> = {
  cis: 'CIS benchmark',
  conformance: 'conformance',
  vulnerabilities: 'vulnerability',
};

const HOW_TO_FIX: Record<ScanKind, string> = {
  cis: 'Fix the failing CIS checks (see the kube-bench report), then scan again',
  conformance:
    'Investigate the failed conformance tests (see the Sonobuoy results), then scan again',
  vulnerabilities:
    'Patch or upgrade the affected images and packages, then scan again',
};

/**
 * A missing scan passes: rules judge what is known, and the reason says the
 * scan is missing so that teams know to run it.
 */
function scanRule(kind: ScanKind): Rule {
  return ({ scans }) => {
    const scan = scans[kind];
    const name = SCAN_NAMES[kind];
    if (!scan) return pass(`No ${name} scan has been reported yet`);
    const at = `${scan.tool}, ${scan.receivedAt}`;
    return scan.passed
      ? pass(`The latest ${name} scan passed (${at}): ${scan.summary}`)
      : fail(
          `The latest ${name} scan failed (${at}): ${scan.summary}`,
          HOW_TO_FIX[kind],
        );
  };
}

export const scanCis = scanRule('cis');
export const scanConformance = scanRule('conformance');
export const scanVulnerabilities = scanRule('vulnerabilities');
