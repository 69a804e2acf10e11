// Fleet cost and compliance roll-ups at fleet scale: 10,000 clusters
// (BENCH_FLEET) with a year (BENCH_DAYS) of daily cost and compliance
// history, on SQLite (the embedded default) or BENCH_DB=pg for PostgreSQL
// at 127.0.0.1:5432. Measures, over HTTP through the product's cost and
// compliance routes, every roll-up the Cost and Compliance pages call
// (see plugins/palette/src/api/PaletteClient.ts), the time to fill the
// history, the row counts, and peak memory.
//
// How the history is made: the year is replayed one simulated day at a
// time through the product's write paths. The cluster store (with a
// simulated clock) creates, rescales and deletes clusters as the status
// watcher and the API would; the cost snapshot (`createCost().recordSnapshot`)
// accrues every day; the compliance service (with a simulated clock)
// evaluates the fleet.
//
// Two shortcuts keep the fill to minutes. Cost: the snapshot makes two
// round trips per cluster and day and slows as the table grows; a year of
// 10,000 clusters took over 20 minutes on SQLite as on PostgreSQL. So only
// the last BENCH_ACCRUE_LAST days (30 by default) go through
// `recordSnapshot`, and the days before are bulk-inserted: for each
// cluster that existed that day, the row `CostSnapshots` writes for a
// whole-day window (same columns, priced by the product's `observedRate`
// and `PriceModel`, the same split at cluster creation and deletion); then,
// before the first `recordSnapshot`, the monthly roll-up table is built
// from those daily rows by `aggregateCostMonths`, the product's function
// (the one the migration's backfill matches), and `recordSnapshot` keeps
// it from there.
// Compliance: a full evaluation writes one transaction per cluster
// (results, findings and the day's snapshot), 3.65 million for a year,
// hours on PostgreSQL. So the fleet is evaluated through the product every
// BENCH_EVAL_EVERY days (30 by default) and on the last BENCH_EVAL_LAST
// days (3); on the other days the day's snapshot rows are bulk-copied from
// each live cluster's latest stored score: the row the product writes
// (cluster_id, day, score), with the score an evaluation would give when
// nothing rule-relevant changed since. `historyFilledBy` in the output
// says what came from where.
require('@backstage/cli/config/nodeTransform.cjs');
const express = require('express');
const Router = require('express-promise-router');
const {
  mockCredentials,
  mockServices,
} = require('@backstage/backend-test-utils');
const { ConfigReader } = require('@backstage/config');
const backend = '../plugins/palette-backend/src';
const {
  DatabaseClusterStore,
} = require(`${backend}/clusters/DatabaseClusterStore`);
const {
  DatabaseGovernanceStore,
} = require(`${backend}/governance/DatabaseGovernanceStore`);
const { DEMO_POLICIES } = require(`${backend}/seed/seedDemoGovernance`);
const {
  createCost,
  PriceModel,
  readCostSettings,
} = require(`${backend}/fleet/cost`);
const { observedRate } = require(`${backend}/fleet/cost/observedRate`);
const { CLUSTERS_TABLE, rowToRecord } = require(`${backend}/clusters/rows`);
const {
  COST_ACCRUALS_TABLE,
  COST_DAILY_TABLE,
  COST_MONTHLY_TABLE,
} = require(`${backend}/fleet/cost/costTables`);
const { aggregateCostMonths } = require(`${backend}/fleet/cost/CostMonths`);
const {
  createFleetCompliance,
  ComplianceService,
  DatabaseComplianceStore,
  readComplianceSettings,
} = require(`${backend}/fleet/compliance`);
const { RULES } = require(`${backend}/fleet/compliance/ruleCatalog`);
const { summarize, report, memoryPeaks } = require('./stats.cjs');
const { openBenchProfiles, silent } = require('./database.cjs');

const FLEET = Number(process.env.BENCH_FLEET ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const EVAL_EVERY = Number(process.env.BENCH_EVAL_EVERY ?? 30);
const EVAL_LAST = Number(process.env.BENCH_EVAL_LAST ?? 3);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const WARMUP = 3;
/** A slow roll-up stops sampling after this long (but not before 10 samples). */
const MEASURE_BUDGET_MS = Number(process.env.BENCH_MEASURE_BUDGET_MS ?? 60_000);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ACTOR = 'user:default/bench';

const TEAMS = Array.from(
  { length: 12 },
  (_, i) => `group:default/team-${String(i).padStart(2, '0')}`,
);
const PROJECTS = Array.from(
  { length: 30 },
  (_, i) => `system:default/project-${String(i).padStart(2, '0')}`,
);
const ENVIRONMENTS = ['dev', 'dev', 'staging', 'production'];
/** Where clusters run: the demo profiles' clouds, with their instance types. */
const PLACEMENTS = [
  {
    provider: 'aws',
    cloudAccount: 'aws-prod',
    regions: ['us-east-1', 'eu-west-1'],
    profile: 'aws-infra',
    versions: ['1.0.0', '1.1.0'],
    types: ['m5.large', 'm5.xlarge', 'm6i.large', 'c5.xlarge', 't3.large'],
  },
  {
    provider: 'eks',
    cloudAccount: 'eks-prod',
    regions: ['us-east-1', 'eu-west-1'],
    profile: 'eks-full',
    versions: ['1.0.0'],
    types: ['m5.xlarge', 'm6i.xlarge', 'r5.xlarge'],
  },
  {
    provider: 'vsphere',
    cloudAccount: 'vsphere-dc1',
    regions: ['dc1', 'dc2'],
    profile: 'vsphere-infra',
    versions: ['1.0.0'],
    types: ['medium', 'large'],
  },
  {
    provider: 'dev',
    cloudAccount: 'local',
    regions: ['local'],
    profile: 'dev-full',
    versions: ['1.0.0', '1.1.0'],
    types: ['small', 'medium', 'large'],
  },
];

/** A seeded generator, so that every run builds the same fleet. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const isoDay = ms => new Date(ms).toISOString().slice(0, 10);

/**
 * The fleet's plan for the year: each cluster's request, when it is
 * created (most before the year starts, the rest through it) and, for a
 * few, when it is deleted.
 */
function planFleet(kubernetesVersions) {
  const rnd = random(20261124);
  return Array.from({ length: FLEET }, (_, i) => {
    const placement = PLACEMENTS[i % PLACEMENTS.length];
    const environment = pick(rnd, ENVIRONMENTS);
    const production = environment === 'production';
    const count = 1 + Math.floor(rnd() * (production ? 8 : 4));
    const createdDay = rnd() < 0.8 ? 0 : Math.floor(rnd() * DAYS);
    const deletedDay =
      rnd() < 0.05
        ? createdDay + 1 + Math.floor(rnd() * (DAYS - createdDay))
        : undefined;
    return {
      createdDay,
      deletedDay: deletedDay < DAYS ? deletedDay : undefined,
      kubernetesVersion: pick(rnd, kubernetesVersions),
      provider: placement.provider,
      request: {
        name: `fleet-${String(i).padStart(5, '0')}`,
        profile: {
          name: placement.profile,
          version: pick(rnd, placement.versions),
        },
        addOnProfiles:
          rnd() < 0.3 ? [{ name: 'observability', version: '1.0.0' }] : [],
        variables: {},
        cloudAccount: placement.cloudAccount,
        region: pick(rnd, placement.regions),
        // Some production clusters without a highly available control plane.
        controlPlane: { replicas: production && rnd() < 0.8 ? 3 : 1 },
        workerPools: [
          {
            name: 'workers',
            instanceType: pick(rnd, placement.types),
            count,
          },
        ],
        owner: TEAMS[i % TEAMS.length],
        project: PROJECTS[(i * 7) % PROJECTS.length],
        environment,
      },
    };
  });
}

/** What the status watcher would store for a running cluster with `ready` worker nodes. */
function runningStatus(plan, ready) {
  const managed = plan.provider === 'eks';
  const replicas = n => ({
    desired: n,
    current: n,
    ready: n,
    upToDate: n,
    available: n,
  });
  return {
    phase: 'Running',
    status: {
      conditions: [],
      controlPlane: {
        managed,
        version: plan.kubernetesVersion,
        ...(managed
          ? {}
          : { replicas: replicas(plan.request.controlPlane.replicas) }),
      },
      pools: [
        {
          name: 'workers',
          kind: 'MachineDeployment',
          replicas: replicas(ready),
          version: plan.kubernetesVersion,
        },
      ],
      kubernetesVersion: plan.kubernetesVersion,
    },
    nodes: {
      ready: ready + (managed ? 0 : plan.request.controlPlane.replicas),
      desired: ready + (managed ? 0 : plan.request.controlPlane.replicas),
    },
  };
}

/**
 * One day of cost as `CostSnapshots.recordSnapshot` writes it for a
 * whole-day window, in bulk (see the header): a row per cluster that ran
 * that day, for the hours it existed, at its observed run-rate.
 */
async function bulkAccrueDay(knex, model, dayStart) {
  const dayEnd = dayStart + DAY;
  const clusters = await knex(CLUSTERS_TABLE)
    .where('created_at', '<', new Date(dayEnd))
    .andWhere(q =>
      q.whereNull('deleted_at').orWhere('deleted_at', '>', new Date(dayStart)),
    );
  const rows = [];
  for (const row of clusters) {
    const record = rowToRecord(row);
    const from = Math.max(dayStart, Date.parse(record.createdAt));
    const to = Math.min(
      dayEnd,
      record.deletedAt ? Date.parse(record.deletedAt) : dayEnd,
    );
    const rate = observedRate(model, record);
    if (to <= from || (rate.hourly === 0 && rate.nodes === 0)) continue;
    const hours = (to - from) / HOUR;
    rows.push({
      cluster_id: record.id,
      day: isoDay(dayStart),
      cluster_name: record.name,
      owner: record.owner,
      project: record.project,
      environment: record.environment,
      provider: record.provider,
      region: record.region,
      cloud_account: record.cloudAccount,
      profile_name: record.profile.name,
      profile_version: record.profile.version,
      cost: rate.hourly * hours,
      node_hours: rate.nodes * hours,
    });
  }
  // SQLite allows at most 500 rows in one multi-row insert.
  await knex.batchInsert(COST_DAILY_TABLE, rows, 400);
}

async function countRows(knex, table) {
  const [row] = await knex(table).count({ n: '*' });
  return Number(row.n);
}

/** Serves `router` under /api/palette; returns timed GETs against it. */
async function serve(router) {
  const app = express();
  app.use('/api/palette', router);
  const server = await new Promise(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${server.address().port}/api/palette`;
  const headers = { authorization: `Bearer ${mockCredentials.user.token()}` };
  const get = async path => {
    const res = await fetch(`${base}${path}`, { headers });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body}`);
    return { body, bytes: Buffer.byteLength(body) };
  };
  return { get, close: () => server.close() };
}

async function main() {
  const peaks = memoryPeaks();
  const { knex, engine, packs, profiles } = await openBenchProfiles(
    'palette_bench_fleet',
  );
  const governanceStore = new DatabaseGovernanceStore({
    db: knex,
    auditLog: profiles.auditLog,
  });
  for (const policy of DEMO_POLICIES)
    await governanceStore.savePolicy(policy, ACTOR);
  // Budgets for most teams (one without, as in real fleets), some tight.
  for (const [i, team] of TEAMS.slice(0, -1).entries()) {
    await governanceStore.saveQuota(
      {
        team,
        maxClusters: FLEET,
        maxNodes: FLEET * 20,
        maxVcpus: FLEET * 80,
        monthlyBudget: (FLEET / TEAMS.length) * (i % 3 === 0 ? 200 : 900),
      },
      ACTOR,
    );
  }

  // Kubernetes versions the packs offer, plus one long out of support.
  const kubernetesVersions = [
    ...new Set(
      packs
        .list({ layer: 'k8s' })
        .map(p => p.kind.kubernetesVersion)
        .filter(Boolean),
    ),
    'v1.28.15',
  ];
  const plans = planFleet(kubernetesVersions);

  const now = Date.now();
  const start = Date.parse(`${isoDay(now)}T00:00:00.000Z`) - DAYS * DAY;
  let simulatedNow = start;
  const simulatedClock = () => new Date(simulatedNow);
  const clusterStore = new DatabaseClusterStore({
    db: knex,
    auditLog: profiles.auditLog,
    clock: simulatedClock,
  });
  const config = new ConfigReader({});
  const priceModel = new PriceModel(readCostSettings(config));
  // Days accrued through `recordSnapshot` (the last ones; see the header).
  const accrueLast = Number(process.env.BENCH_ACCRUE_LAST ?? 30);
  const cost = createCost({
    db: knex,
    clusterStore,
    governanceStore,
    config,
    logger: silent,
  });
  const complianceDeps = {
    db: knex,
    logger: silent,
    clusters: clusterStore,
    profiles,
    packs,
    governance: governanceStore,
    ownerExists: async ref => ref !== TEAMS[TEAMS.length - 1],
  };
  const compliance = createFleetCompliance({ ...complianceDeps, config });
  // The same service, evaluating at the simulated time of the replay.
  const replayCompliance = new ComplianceService({
    store: new DatabaseComplianceStore({ db: knex }),
    clusters: clusterStore,
    profiles,
    governance: governanceStore,
    kubernetesPacks: () => packs.list({ layer: 'k8s' }),
    ownerExists: complianceDeps.ownerExists,
    settings: readComplianceSettings(config),
    logger: silent,
    clock: simulatedClock,
  });

  // The replay: fleet changes through the store, then the day's cost
  // accrual and compliance evaluation (or snapshot copy, see the header).
  const rnd = random(7);
  const ids = new Map();
  const fill = {
    costMs: 0,
    accruedDays: 0,
    bulkCostDays: 0,
    monthsAggregated: false,
    complianceEvaluateMs: 0,
    complianceCopyMs: 0,
    fleetChangesMs: 0,
    evaluatedDays: 0,
    copiedDays: 0,
  };
  const byDay = (key, day) =>
    plans.flatMap((p, i) => (p[key] === day ? [i] : []));
  const copySnapshots = day =>
    knex.raw(
      `insert into palette_compliance_snapshots (cluster_id, day, score)
       select r.cluster_id, ?, r.score
       from palette_compliance_results r
       join palette_clusters c on c.id = r.cluster_id
       where c.active_name is not null`,
      [day],
    );
  const fillStarted = Date.now();
  for (let d = 0; d <= DAYS; d++) {
    const dayStart = start + d * DAY;
    const last = d === DAYS;
    let t = Date.now();
    simulatedNow = d === 0 ? dayStart : dayStart + DAY / 2;
    for (const i of byDay('createdDay', d)) {
      const plan = plans[i];
      const created = await clusterStore.create(
        {
          request: plan.request,
          managementCluster: 'bench',
          namespace: 'palette-clusters',
          provider: plan.provider,
          kubernetesVersion: plan.kubernetesVersion,
          createdBy: ACTOR,
          footprint: { nodes: 0, vcpus: 0, monthlyCost: 0 },
        },
        { action: 'cluster.create', reason: 'Requested', message: 'bench' },
      );
      ids.set(i, created.id);
      await clusterStore.recordStatus(
        created.id,
        runningStatus(plan, plan.request.workerPools[0].count),
      );
    }
    if (d > 0) {
      // About 1% of the fleet scales each day (autoscaling, load, resizes).
      for (const [i, id] of ids) {
        if (rnd() >= 0.01) continue;
        const asked = plans[i].request.workerPools[0].count;
        const ready = Math.max(1, asked + Math.floor(rnd() * 7) - 2);
        await clusterStore.recordStatus(id, runningStatus(plans[i], ready));
      }
      for (const i of byDay('deletedDay', d)) {
        await clusterStore.markDeleted(ids.get(i), 'bench: deleted');
        ids.delete(i);
      }
    }
    fill.fleetChangesMs += Date.now() - t;

    t = Date.now();
    if (d > DAYS - accrueLast) {
      // The bulk-inserted days' months, before accrual takes over.
      if (fill.bulkCostDays && !fill.monthsAggregated) {
        await aggregateCostMonths(knex);
        fill.monthsAggregated = true;
      }
      await cost.recordSnapshot(new Date(last ? now : dayStart + DAY));
      fill.accruedDays += 1;
    } else {
      await bulkAccrueDay(knex, priceModel, dayStart);
      fill.bulkCostDays += 1;
    }
    fill.costMs += Date.now() - t;

    t = Date.now();
    simulatedNow = last ? now : dayStart + DAY - 60_000;
    if (d % EVAL_EVERY === 0 || d > DAYS - EVAL_LAST) {
      await replayCompliance.evaluateAll();
      fill.complianceEvaluateMs += Date.now() - t;
      fill.evaluatedDays += 1;
    } else {
      await copySnapshots(isoDay(simulatedNow));
      fill.complianceCopyMs += Date.now() - t;
      fill.copiedDays += 1;
    }
    if (process.env.BENCH_PROGRESS && d % 30 === 0) {
      console.error(
        `day ${d}/${DAYS}: ${Math.round((Date.now() - fillStarted) / 1000)}s`,
      );
    }
  }
  const fillMs = Date.now() - fillStarted;
  const rows = {};
  for (const table of [
    'palette_clusters',
    'palette_cluster_events',
    COST_DAILY_TABLE,
    COST_MONTHLY_TABLE,
    COST_ACCRUALS_TABLE,
    'palette_compliance_results',
    'palette_compliance_findings',
    'palette_compliance_snapshots',
  ])
    rows[table] = await countRows(knex, table);
  if (rows[COST_DAILY_TABLE] < FLEET * DAYS * 0.5)
    throw new Error(`Too little cost history: ${rows[COST_DAILY_TABLE]} rows`);

  const router = Router();
  router.use(express.json());
  const httpAuth = mockServices.httpAuth();
  const permissions = mockServices.permissions();
  const auditor = {
    createEvent: async () => ({
      success: async () => {},
      fail: async () => {},
    }),
  };
  cost.registerRoutes(router, { httpAuth, permissions });
  compliance.registerRoutes(router, { httpAuth, permissions, auditor });
  const api = await serve(router);

  // The ranges the pages offer (plugins/palette/src/components/fleet/format.ts).
  const today = new Date(now);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const utcDay = (yy, mm, dd = 1) => isoDay(Date.UTC(yy, mm, dd));
  const month = `from=${utcDay(y, m)}&to=${utcDay(y, m + 1)}`;
  const year = `from=${utcDay(y, m - 11)}&to=${utcDay(y, m + 1)}`;
  const ninetyDays = `from=${utcDay(y, m, today.getUTCDate() - 89)}&to=${utcDay(
    y,
    m,
    today.getUTCDate() + 1,
  )}`;
  const failingRule = JSON.parse(
    (await api.get('/fleet/compliance/rules')).body,
  ).items.sort((a, b) => b.failing - a.failing)[0].rule;

  const measurements = [
    ['cost summary, this month', `/fleet/cost/summary?${month}`],
    ['cost summary, last 12 months', `/fleet/cost/summary?${year}`],
    [
      'cost trend per day, this month',
      `/fleet/cost/trend?granularity=day&${month}`,
    ],
    [
      'cost trend per day by team, this month',
      `/fleet/cost/trend?granularity=day&groupBy=team&${month}`,
    ],
    [
      'cost trend per month, last 12 months',
      `/fleet/cost/trend?granularity=month&${year}`,
    ],
    [
      'cost trend per month by team, last 12 months',
      `/fleet/cost/trend?granularity=month&groupBy=team&${year}`,
    ],
    [
      'cost trend per month by provider, last 12 months',
      `/fleet/cost/trend?granularity=month&groupBy=provider&${year}`,
    ],
    // The breakdown also feeds the top movers card (same response).
    ...['team', 'project', 'provider', 'profile'].flatMap(by => [
      [
        `cost breakdown and top movers by ${by}, this month`,
        `/fleet/cost/breakdown?by=${by}&${month}`,
      ],
      [
        `cost breakdown and top movers by ${by}, last 12 months`,
        `/fleet/cost/breakdown?by=${by}&${year}`,
      ],
    ]),
    [
      'cost budgets, this month',
      `/fleet/cost/budgets?month=${utcDay(y, m).slice(0, 7)}`,
    ],
    [
      'cost CSV export by team, last 12 months',
      `/fleet/cost/export.csv?by=team&${year}`,
    ],
    [
      'cost CSV export by cluster, last 12 months',
      `/fleet/cost/export.csv?by=cluster&${year}`,
    ],
    [
      'compliance summary (fleet score, by severity)',
      '/fleet/compliance/summary',
    ],
    ['compliance trend, 90 days', `/fleet/compliance/trend?${ninetyDays}`],
    [
      'compliance trend, 365 days',
      `/fleet/compliance/trend?from=${isoDay(now - 365 * DAY)}&to=${isoDay(
        now,
      )}`,
    ],
    [
      'compliance rules (failing and passing per rule)',
      '/fleet/compliance/rules',
    ],
    ['compliance scores by team', '/fleet/compliance/scores?by=team'],
    ['compliance scores by profile', '/fleet/compliance/scores?by=profile'],
    [
      `compliance failing clusters of a rule (${failingRule}), first page`,
      `/fleet/compliance/rules/${failingRule}/clusters?limit=10&offset=0`,
    ],
    [
      `compliance failing clusters of a rule (${failingRule}), a deep page`,
      `/fleet/compliance/rules/${failingRule}/clusters?limit=50&offset=1000`,
    ],
    [
      'compliance CSV export (every finding of the fleet)',
      '/fleet/compliance/export.csv',
    ],
  ];
  // Every rule's failing clusters, as the rules card opens each of them.
  const rulePaths = Object.keys(RULES).map(
    rule => `/fleet/compliance/rules/${rule}/clusters?limit=10&offset=0`,
  );

  const common = { clusters: FLEET, days: DAYS, database: engine };
  for (const [name, path] of measurements) {
    let bytes = 0;
    for (let i = 0; i < WARMUP; i++) bytes = (await api.get(path)).bytes;
    const samples = [];
    const budgetEnds = Date.now() + MEASURE_BUDGET_MS;
    for (let i = 0; i < ITERATIONS; i++) {
      if (i >= 10 && Date.now() > budgetEnds) break;
      const started = process.hrtime.bigint();
      await api.get(path);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const stats = summarize(samples);
    if (process.env.BENCH_PROGRESS)
      console.error(`${name}: p50 ${stats.p50} ms, p95 ${stats.p95} ms`);
    report(
      name,
      'ms',
      { ...stats, n: stats.samples },
      {
        ...common,
        path,
        responseBytes: bytes,
      },
    );
  }
  const ruleSamples = [];
  for (const path of rulePaths) await api.get(path);
  for (let i = 0; i < ITERATIONS; i++) {
    for (const path of rulePaths) {
      const started = process.hrtime.bigint();
      await api.get(path);
      ruleSamples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const ruleStats = summarize(ruleSamples);
  report(
    'compliance failing clusters per rule (every rule, first page)',
    'ms',
    {
      ...ruleStats,
      n: ruleStats.samples,
    },
    { ...common, rules: rulePaths.length },
  );

  report(
    'fleet history fill',
    's',
    {
      value: Math.round(fillMs / 100) / 10,
    },
    {
      ...common,
      fleetChangesSeconds: Math.round(fill.fleetChangesMs / 100) / 10,
      costAccrualSeconds: Math.round(fill.costMs / 100) / 10,
      complianceEvaluationSeconds:
        Math.round(fill.complianceEvaluateMs / 100) / 10,
      complianceSnapshotCopySeconds:
        Math.round(fill.complianceCopyMs / 100) / 10,
      historyFilledBy: {
        fleet:
          'DatabaseClusterStore.create/recordStatus/markDeleted at a simulated clock',
        cost: fill.bulkCostDays
          ? `createCost().recordSnapshot on the last ${fill.accruedDays} days; the ${fill.bulkCostDays} days before bulk-inserted as whole-day palette_cost_daily rows priced by observedRate, then aggregated into palette_cost_monthly by aggregateCostMonths`
          : `createCost().recordSnapshot once per simulated day (${fill.accruedDays} runs, product path)`,
        compliance: `ComplianceService.evaluateAll on ${fill.evaluatedDays} days (every ${EVAL_EVERY} days and the last ${EVAL_LAST}); on the other ${fill.copiedDays} days each live cluster's latest score was bulk-copied into palette_compliance_snapshots (cluster_id, day, score)`,
      },
    },
  );
  report('database rows', 'rows', rows, common);
  report(
    'peak memory (fill and measurements in one process)',
    'MiB',
    peaks(),
    common,
  );

  api.close();
  await knex.destroy();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
