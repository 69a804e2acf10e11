import { ExportRow } from './DatabaseComplianceStore';

const COLUMNS: Array<[string, (row: ExportRow) => string | number | boolean]> =
  [
    ['cluster', r => r.cluster],
    ['owner', r => r.owner],
    ['project', r => r.project],
    ['environment', r => r.environment],
    ['profile', r => r.profile],
    ['score', r => r.score],
    ['evaluatedAt', r => r.evaluatedAt],
    ['rule', r => r.rule],
    ['severity', r => r.severity],
    ['passed', r => r.passed],
    ['reason', r => r.reason],
    ['action', r => r.action ?? ''],
  ];

/**
 * One RFC 4180 field. Text starting like a formula is prefixed with `'`, so
 * that a spreadsheet never runs a cluster name or reason as a formula.
 */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The findings export: a header and one line per cluster and rule, CRLF-separated. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows)
    lines.push(COLUMNS.map(([, get]) => csvField(get(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
