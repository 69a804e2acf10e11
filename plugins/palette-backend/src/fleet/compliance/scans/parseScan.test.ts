import { InputError } from '@backstage/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScan } from './parseScan';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));

const options = { maxHighVulnerabilities: 1 };

describe('parseScan', () => {
  describe('kube-bench (cis)', () => {
    it('sums the controls of a report and fails on any failed check', () => {
      expect(parseScan('cis', fixture('kube-bench.json'), options)).toEqual({
        kind: 'cis',
        tool: 'kube-bench',
        passed: false,
        counts: { pass: 63, fail: 1, warn: 13, info: 0 },
        summary: 'cis-1.10: 63 passed, 1 failed, 13 warnings',
      });
    });

    it('accepts the bare array of older releases and passes without failures', () => {
      const controls = fixture('kube-bench.json').Controls.slice(1);
      expect(parseScan('cis', controls, options)).toMatchObject({
        passed: true,
        counts: { pass: 21, fail: 0, warn: 2, info: 0 },
      });
    });

    it('names the missing totals of a bad report', () => {
      const report = fixture('kube-bench.json');
      delete report.Controls[0].total_fail;
      expect(() => parseScan('cis', report, options)).toThrow(
        /Invalid kube-bench report: Controls\.0\.total_fail: /,
      );
      expect(() => parseScan('cis', { Controls: [] }, options)).toThrow(
        InputError,
      );
      expect(() => parseScan('cis', 'PASS', options)).toThrow(
        'Invalid kube-bench report: expected a JSON object',
      );
    });
  });

  describe('sonobuoy (conformance)', () => {
    it('reads the status JSON of a completed run', () => {
      expect(
        parseScan('conformance', fixture('sonobuoy-status.json'), options),
      ).toEqual({
        kind: 'conformance',
        tool: 'sonobuoy',
        passed: true,
        counts: { passed: 412, skipped: 6802 },
        summary: '412 passed, 6802 skipped',
      });
    });

    it('fails when a plugin did not pass', () => {
      const report = fixture('sonobuoy-status.json');
      report.plugins[0]['result-status'] = 'failed';
      report.plugins[0]['result-counts'] = { passed: 410, failed: 1 };
      expect(parseScan('conformance', report, options)).toMatchObject({
        passed: false,
        counts: { passed: 411, failed: 1 },
        summary: '411 passed, 1 failed; not passed: e2e (failed)',
      });
    });

    it('counts the tests of a results tree', () => {
      expect(
        parseScan('conformance', fixture('sonobuoy-results.json'), options),
      ).toMatchObject({
        passed: false,
        counts: { passed: 2, failed: 1, skipped: 1 },
        summary: 'e2e failed: 2 passed, 1 failed, 1 skipped',
      });
    });

    it('rejects a run still in progress and unknown shapes', () => {
      const running = fixture('sonobuoy-status.json');
      running.status = 'running';
      expect(() => parseScan('conformance', running, options)).toThrow(
        'the run has not finished (status: running)',
      );
      expect(() =>
        parseScan('conformance', { results: 'ok' }, options),
      ).toThrow(/expected the status JSON/);
      expect(() =>
        parseScan('conformance', { plugins: [{ plugin: 'e2e' }] }, options),
      ).toThrow(/Invalid Sonobuoy status report: status: .*plugins\.0\.status/);
    });
  });

  describe('vulnerabilities', () => {
    it('counts a Grype report by severity and fails on a critical one', () => {
      expect(
        parseScan('vulnerabilities', fixture('grype.json'), options),
      ).toEqual({
        kind: 'vulnerabilities',
        tool: 'grype',
        passed: false,
        counts: { critical: 1, high: 1, medium: 0, low: 0, negligible: 1 },
        summary: '1 critical, 1 high (at most 1 allowed), 0 medium, 0 low',
      });
    });

    it('counts a Trivy image report and fails above the high threshold', () => {
      const report = fixture('trivy-image.json');
      expect(parseScan('vulnerabilities', report, options)).toMatchObject({
        tool: 'trivy',
        passed: false,
        counts: { critical: 0, high: 2, medium: 1, low: 1 },
      });
      expect(
        parseScan('vulnerabilities', report, { maxHighVulnerabilities: 2 })
          .passed,
      ).toBe(true);
    });

    it('counts a Trivy Kubernetes report across resources', () => {
      expect(
        parseScan('vulnerabilities', fixture('trivy-k8s.json'), options),
      ).toMatchObject({
        tool: 'trivy',
        passed: false,
        counts: { critical: 1, high: 0, medium: 0, low: 0 },
      });
    });

    it('says what is wrong with a bad report', () => {
      const grype = fixture('grype.json');
      delete grype.matches[1].vulnerability.severity;
      expect(() => parseScan('vulnerabilities', grype, options)).toThrow(
        /Invalid Grype report: matches\.1\.vulnerability\.severity: /,
      );
      expect(() =>
        parseScan('vulnerabilities', { SchemaVersion: 'two' }, options),
      ).toThrow(/Invalid Trivy report/);
      expect(() =>
        parseScan('vulnerabilities', { vulnerabilities: [] }, options),
      ).toThrow(/expected Grype JSON \(with "matches"\) or Trivy JSON/);
      expect(() => parseScan('vulnerabilities', [], options)).toThrow(
        InputError,
      );
    });
  });
});
