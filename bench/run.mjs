// `yarn bench`: runs every *.bench.cjs in this folder, each in its own Node
// process (so peak memory is per benchmark), and prints machine-readable
// results: one JSON object per line on stdout, and all of them in
// bench/results/latest.json. Speed and memory targets are checked here,
// never by timed tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter(
  f => f.endsWith('.bench.cjs') && (!only || f.includes(only)),
);
const results = [];
let failed = false;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    try {
      const result = JSON.parse(line);
      results.push(result);
      console.log(JSON.stringify(result));
    } catch {
      console.error(line);
    }
  }
  if (run.status !== 0) {
    failed = true;
    console.error(`${file} failed with exit code ${run.status}`);
  }
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(
  join(here, 'results', 'latest.json'),
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, results },
    null,
    2,
  ),
);
process.exit(failed ? 1 : 0);
