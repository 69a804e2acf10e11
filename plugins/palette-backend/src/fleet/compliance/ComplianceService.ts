import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterCompliance,
  Pack,
  ScanKind,
  ScanResult,
} from '@palette-backstage/plugin-palette-common';
import { DatabaseClusterStore } from '../../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../../clusters/types';
import { ProfileStore } from '../../database';
import { DatabaseGovernanceStore } from '../../governance/DatabaseGovernanceStore';
import {
  CollectedReport,
  DatabaseComplianceStore,
} from './DatabaseComplianceStore';
import { evaluateCluster } from './evaluateCluster';
import { EvaluationContext } from './facts';
import { FactsGatherer } from './gatherFacts';
import { kubernetesSupportFromPacks } from './kubernetesSupport';
import { parseScan } from './scans/parseScan';
import { ParsedScan } from './scans/types';
import { complianceScore } from './score';
import { ComplianceSettings } from './settings';

/** What the compliance service reads and writes. */
export interface ComplianceServiceOptions {
  store: DatabaseComplianceStore;
  clusters: DatabaseClusterStore;
  profiles: ProfileStore;
  governance: Pick<DatabaseGovernanceStore, 'listPolicies'>;
  /** The Kubernetes packs, read on each run so that new packs move the window. */
  kubernetesPacks(): Pack[];
  /** Whether an owner entity ref exists in the catalog. */
  ownerExists(ref: string): Promise<boolean>;
  settings: ComplianceSettings;
  logger: LoggerService;
  clock?: () => Date;
}

const PAGE = 200;

/** What one evaluation run shares across its clusters. */
interface EvaluationRun {
  gatherer: FactsGatherer;
  context: EvaluationContext;
}

/** The latest scan of each kind a cluster had. */
type LatestScans = Partial<Record<ScanKind, ScanResult>>;

/** Scores a cluster as it was at a past moment: a view of its record then and the scans known then. */
export type PastScorer = (
  at: Date,
  record: ClusterRecord,
  scans: LatestScans,
) => Promise<number>;

/** Evaluates clusters against the rules, stores the results and takes scan reports. */
export class ComplianceService {
  readonly store: DatabaseComplianceStore;
  readonly #options: ComplianceServiceOptions;
  readonly #clock: () => Date;

  constructor(options: ComplianceServiceOptions) {
    this.#options = options;
    this.store = options.store;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Evaluates every live cluster, a page at a time; returns how many. */
  async evaluateAll(): Promise<number> {
    const run = await this.#startRun();
    let evaluated = 0;
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.#options.clusters.list({ limit: PAGE, offset });
      await this.#evaluate(run, page.items);
      evaluated += page.items.length;
      if (page.items.length < PAGE) break;
    }
    return evaluated;
  }

  /** Evaluates one live cluster now and returns its compliance with its latest scans. */
  async clusterCompliance(name: string): Promise<ClusterCompliance> {
    const record = await this.#live(name);
    const [result] = await this.#evaluate(await this.#startRun(), [record]);
    return { cluster: record.name, ...result };
  }

  /**
   * Parses and keeps a scan report, then re-evaluates the cluster. Reports
   * read from the cluster itself say where from (`collected`).
   */
  async recordScan(
    name: string,
    kind: ScanKind,
    body: unknown,
    actor: string,
    collected?: CollectedReport,
  ): Promise<ScanResult> {
    const record = await this.#live(name);
    const parsed = this.parseReport(kind, body);
    const scan = await this.store.recordScan(
      record.id,
      parsed,
      this.#clock(),
      actor,
      collected,
    );
    await this.#evaluate(await this.#startRun(), [record]);
    return scan;
  }

  /** Parses a report as `recordScan` does (400 on a bad one), keeping nothing. */
  parseReport(kind: ScanKind, body: unknown): ParsedScan {
    return parseScan(kind, body, this.#options.settings);
  }

  /**
   * A scorer of past cluster states through the same rules, storing
   * nothing: the demo history replays the fleet's past with it. One run
   * serves every moment, so the stores and the catalog are asked once per
   * profile and owner however many days are replayed.
   */
  async pastScorer(): Promise<PastScorer> {
    const run = await this.#startRun();
    return async (at, record, scans) =>
      (
        await this.#assess(
          { ...run, context: { ...run.context, now: at } },
          record,
          scans,
        )
      ).score;
  }

  async #live(name: string): Promise<ClusterRecord> {
    const record = await this.#options.clusters.get(name);
    if (!record || record.deletedAt)
      throw new NotFoundError(`Cluster ${name} not found`);
    return record;
  }

  async #startRun(): Promise<EvaluationRun> {
    const { settings, logger } = this.#options;
    const now = this.#clock();
    const gatherer = new FactsGatherer({
      profiles: this.#options.profiles,
      policies: await this.#options.governance.listPolicies(),
      ownerExists: this.#options.ownerExists,
      onOwnerCheckFailed: (ref, error) =>
        logger.warn(
          `Compliance could not check owner ${ref} in the catalog: ${error}`,
        ),
    });
    const context = {
      settings,
      now,
      kubernetes: kubernetesSupportFromPacks(
        this.#options.kubernetesPacks(),
        settings.supportedMinors,
      ),
    };
    return { gatherer, context };
  }

  async #assess(run: EvaluationRun, record: ClusterRecord, scans: LatestScans) {
    const facts = await run.gatherer.facts(record, scans);
    const findings = evaluateCluster(facts, run.context);
    return { findings, score: complianceScore(findings) };
  }

  async #evaluate(run: EvaluationRun, records: ClusterRecord[]) {
    const scans = await this.store.latestScans(records.map(r => r.id));
    const results = [];
    for (const record of records) {
      const latest = scans.get(record.id) ?? {};
      const { findings, score } = await this.#assess(run, record, latest);
      await this.store.saveEvaluation(
        record.id,
        { score, findings },
        run.context.now,
      );
      results.push({
        score,
        evaluatedAt: run.context.now.toISOString(),
        findings,
        scans: Object.values(latest),
      });
    }
    return results;
  }
}
