// Percentiles and result lines shared by the benchmarks.
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}

/** Times `fn` `iterations` times; returns p50/p95/max in milliseconds. */
async function timeIt(iterations, fn) {
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return summarize(samples);
}

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = n => Math.round(n * 100) / 100;
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]),
  };
}

/** Prints one machine-readable result line. */
function report(benchmark, unit, values, extra = {}) {
  process.stdout.write(
    `${JSON.stringify({ benchmark, unit, ...values, ...extra })}\n`,
  );
}

/** Samples RSS and heap until stopped; returns the peaks in MiB. */
function memoryPeaks(intervalMs = 50) {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    sample();
    return {
      rssMiB: Math.round(rss / 1048576),
      heapMiB: Math.round(heap / 1048576),
    };
  };
}

module.exports = { timeIt, summarize, report, memoryPeaks };
