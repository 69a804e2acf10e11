import { NotFoundError } from '@backstage/errors';
import { MaintenanceWindow } from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { AuditLog } from '../audit/AuditLog';
import { CLUSTERS_TABLE } from '../clusters/rows';
import { MAINTENANCE_WINDOWS_TABLE } from './rows';

interface WindowRow {
  cluster_id: string;
  cron: string;
  duration_minutes: number;
  time_zone: string | null;
  updated_by: string;
  updated_at: unknown;
}

const toWindow = (row: WindowRow): MaintenanceWindow => ({
  cron: row.cron,
  durationMinutes: Number(row.duration_minutes),
  ...(row.time_zone ? { timeZone: row.time_zone } : {}),
});

/**
 * Clusters' own maintenance windows, keyed by the live cluster (a deleted
 * cluster's window goes with it). Each change is one transaction with its
 * audit event.
 */
export class DatabaseMaintenanceWindowStore {
  readonly #db: Knex;
  readonly #audit: AuditLog;
  readonly #clock: () => Date;

  constructor(options: { db: Knex; auditLog: AuditLog; clock?: () => Date }) {
    this.#db = options.db;
    this.#audit = options.auditLog;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** The live cluster's own window, if it has one. */
  async get(clusterName: string): Promise<MaintenanceWindow | undefined> {
    const row = await this.#db<WindowRow>(`${MAINTENANCE_WINDOWS_TABLE} as w`)
      .join(`${CLUSTERS_TABLE} as c`, 'c.id', 'w.cluster_id')
      .where('c.active_name', clusterName)
      .first('w.*');
    return row ? toWindow(row) : undefined;
  }

  /** Own windows of the named live clusters, by name. */
  async getMany(names: string[]): Promise<Map<string, MaintenanceWindow>> {
    const found = new Map<string, MaintenanceWindow>();
    for (let i = 0; i < names.length; i += 500) {
      const rows = await this.#db(`${MAINTENANCE_WINDOWS_TABLE} as w`)
        .join(`${CLUSTERS_TABLE} as c`, 'c.id', 'w.cluster_id')
        .whereIn('c.active_name', names.slice(i, i + 500))
        .select('w.*', 'c.active_name as name');
      for (const row of rows) found.set(row.name, toWindow(row));
    }
    return found;
  }

  /** Sets (or, with `null`, removes) a live cluster's own window; 404 without one. */
  async set(
    clusterName: string,
    window: MaintenanceWindow | null,
    actor: string,
  ): Promise<void> {
    const now = this.#clock();
    await this.#db.transaction(async tx => {
      const cluster = await tx(CLUSTERS_TABLE)
        .where({ active_name: clusterName })
        .first('id');
      if (!cluster)
        throw new NotFoundError(`No cluster named "${clusterName}"`);
      const before = await tx<WindowRow>(MAINTENANCE_WINDOWS_TABLE)
        .where({ cluster_id: cluster.id })
        .first();
      if (window) {
        await tx<WindowRow>(MAINTENANCE_WINDOWS_TABLE)
          .insert({
            cluster_id: cluster.id,
            cron: window.cron,
            duration_minutes: window.durationMinutes,
            time_zone: window.timeZone ?? null,
            updated_by: actor,
            updated_at: now,
          })
          .onConflict('cluster_id')
          .merge();
      } else {
        await tx(MAINTENANCE_WINDOWS_TABLE)
          .where({ cluster_id: cluster.id })
          .delete();
      }
      await this.#audit.record(
        {
          actor,
          action: 'cluster.maintenance-window.update',
          target: `cluster:${clusterName}`,
          ...(before ? { before: toWindow(before) } : {}),
          ...(window ? { after: window } : {}),
        },
        tx,
      );
    });
  }
}
