// Runs the browser tests against a portal it starts itself (the backend on
// :7007 serving the built app), unless PALETTE_E2E_URL names a running one.
// Needs `yarn workspace app build` first. Node's test runner reports.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSync, readdirSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const base = process.env.PALETTE_E2E_URL ?? 'http://localhost:7007';
const yarnRelease = join(
  root,
  '.yarn/releases',
  readdirSync(join(root, '.yarn/releases'))[0],
);

async function waitUntilReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `the portal at ${url} was not ready within ${timeoutMs / 1000} s`,
  );
}

let backend;
if (!process.env.PALETTE_E2E_URL) {
  backend = spawn(
    process.execPath,
    [
      yarnRelease,
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../e2e/app-config.e2e.yaml',
    ],
    {
      cwd: root,
      // The backend logs at info (scaffolder task logs are info lines the
      // tests read); its output goes to e2e/backend.log, not the test report.
      stdio: [
        'ignore',
        openSync(join(root, 'e2e', 'backend.log'), 'w'),
        'inherit',
      ],
      detached: true,
      env: process.env,
    },
  );
}
const stopBackend = () => {
  if (backend && backend.exitCode === null)
    process.kill(-backend.pid, 'SIGTERM');
};
process.on('exit', stopBackend);

let code = 1;
try {
  await waitUntilReady(base, 120_000);
  // Catalog ingestion of the example entities takes a few seconds after readiness.
  await new Promise(r => setTimeout(r, 5000));
  const extra = process.argv.slice(2);
  const tests = spawn(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-timeout=120000',
      ...extra,
      join(root, 'e2e', '*.test.mjs'),
    ],
    { stdio: 'inherit', env: { ...process.env, PALETTE_E2E_URL: base } },
  );
  code = await new Promise(resolve => tests.on('exit', c => resolve(c ?? 1)));
} catch (error) {
  console.error(String(error));
} finally {
  stopBackend();
}
process.exit(code);
