import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  PROFILE_NAME_PATTERN,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';
import {
  PALETTE_PROFILES_LOCATION,
  PALETTE_PROFILES_PROVIDER_NAME,
} from './constants';
import { ProfileCatalogSource } from './ProfileCatalogSource';
import { profileToEntity } from './profileToEntity';

/**
 * The default cadence of the full sync: every 30 minutes, first 30 seconds
 * after start-up. Events carry changes in between.
 *
 * @public
 */
export const DEFAULT_PROFILE_SYNC_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
  };

/** @public */
export interface PaletteProfileEntityProviderOptions {
  source: ProfileCatalogSource;
  logger: LoggerService;
  /** The catalog namespace of profile entities; `default` when absent. */
  namespace?: string;
  /** The app's base URL, for the links to the profile pages. */
  appBaseUrl?: string;
  /**
   * What `connect` does about the first full sync: wait for it (`await`, the
   * default), only start it (`background`), or leave it to the first
   * `refresh()` call (`deferred`). A source that calls a plugin of the same
   * backend over HTTP should not be awaited: the catalog connects its
   * providers before the backend serves requests.
   */
  initialSync?: 'await' | 'background' | 'deferred';
  /** Runs a full sync on this runner once connected. */
  schedule?: SchedulerServiceTaskRunner;
}

/**
 * Publishes every cluster profile to the catalog as a `Resource` entity of
 * type `cluster-profile`: a full sync on connect and on {@link
 * PaletteProfileEntityProvider.refresh}, a delta on {@link
 * PaletteProfileEntityProvider.profileChanged}.
 *
 * Syncs and deltas run one at a time, in call order, so a delta never lands
 * before a full sync that read older data. Nothing thrown by the source or
 * the catalog escapes: failures are logged and the next sync repairs them.
 *
 * @public
 */
export class PaletteProfileEntityProvider implements EntityProvider {
  private readonly source: ProfileCatalogSource;
  private readonly logger: LoggerService;
  private readonly namespace: string;
  private readonly appBaseUrl?: string;
  private readonly initialSync: 'await' | 'background' | 'deferred';
  private readonly schedule?: SchedulerServiceTaskRunner;

  private connection?: EntityProviderConnection;
  private scheduled = false;
  /** Profiles that changed before `connect`, for the first full sync. */
  private readonly changedBeforeConnect = new Set<string>();
  /** Deltas queued and not started yet, by profile name, to coalesce bursts. */
  private readonly queuedDeltas = new Map<string, Promise<void>>();
  private chain: Promise<void> = Promise.resolve();

  /**
   * Creates a provider; with `schedule` (or `scheduler`, which then runs
   * {@link DEFAULT_PROFILE_SYNC_SCHEDULE}) it also syncs periodically.
   */
  static create(
    options: Omit<PaletteProfileEntityProviderOptions, 'schedule'> & {
      schedule?: SchedulerServiceTaskRunner;
      scheduler?: SchedulerService;
    },
  ): PaletteProfileEntityProvider {
    const { scheduler, ...rest } = options;
    const schedule =
      options.schedule ??
      scheduler?.createScheduledTaskRunner(DEFAULT_PROFILE_SYNC_SCHEDULE);
    return new PaletteProfileEntityProvider({ ...rest, schedule });
  }

  constructor(options: PaletteProfileEntityProviderOptions) {
    this.source = options.source;
    this.logger = options.logger;
    this.namespace = options.namespace ?? DEFAULT_NAMESPACE;
    this.appBaseUrl = options.appBaseUrl;
    this.initialSync = options.initialSync ?? 'await';
    this.schedule = options.schedule;
  }

  getProviderName(): string {
    return PALETTE_PROFILES_PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const initial =
      this.initialSync === 'deferred'
        ? Promise.resolve()
        : this.enqueue(() => this.fullSync());
    if (this.schedule && !this.scheduled) {
      this.scheduled = true;
      try {
        await this.schedule.run({
          id: `${this.getProviderName()}:refresh`,
          fn: async () => {
            await this.refresh();
          },
        });
      } catch (error) {
        this.logger.error(
          `Could not schedule the cluster profile catalog sync: ${error}`,
        );
      }
    }
    if (this.initialSync === 'await') {
      await initial;
    }
  }

  /**
   * Replaces every profile entity of this provider with the source's current
   * profiles. Never rejects; ignored before `connect`, which syncs itself.
   */
  async refresh(): Promise<void> {
    if (!this.connection) {
      this.logger.debug(
        'Cluster profile sync skipped: the catalog has not connected yet',
      );
      return;
    }
    await this.enqueue(() => this.fullSync());
  }

  /**
   * Re-reads one profile and adds, updates or removes its entity. Never
   * rejects; before `connect` the name is remembered for the first sync.
   */
  async profileChanged(name: string): Promise<void> {
    if (typeof name !== 'string' || !PROFILE_NAME_PATTERN.test(name)) {
      this.logger.warn(
        `Ignored a change of cluster profile ${JSON.stringify(
          name,
        )}: not a profile name`,
      );
      return;
    }
    if (!this.connection) {
      this.changedBeforeConnect.add(name);
      return;
    }
    const queued = this.queuedDeltas.get(name);
    if (queued) {
      // The queued read has not started, so it will see this change too.
      await queued;
      return;
    }
    const delta = this.enqueue(async () => {
      this.queuedDeltas.delete(name);
      await this.applyDelta(name);
    });
    this.queuedDeltas.set(name, delta);
    await delta;
  }

  /** Resolves once every queued sync and delta has finished. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task).catch(error => {
      this.logger.error(`Cluster profile catalog task failed: ${error}`);
    });
    this.chain = run;
    return run;
  }

  private toDeferred(summary: ProfileSummary): DeferredEntity {
    return {
      entity: profileToEntity(summary, {
        namespace: this.namespace,
        locationKey: PALETTE_PROFILES_LOCATION,
        appBaseUrl: this.appBaseUrl,
      }),
      locationKey: PALETTE_PROFILES_LOCATION,
    };
  }

  private async fullSync(): Promise<void> {
    const connection = this.connection;
    if (!connection) {
      return;
    }
    // A full sync reads every profile after these changes; when it fails
    // they are applied one by one instead.
    const changed = [...this.changedBeforeConnect];
    this.changedBeforeConnect.clear();
    try {
      const byName = new Map<string, ProfileSummary>();
      for (const summary of await this.source.listAll()) {
        byName.set(summary.name, summary);
      }
      const entities = [...byName.values()].map(summary =>
        this.toDeferred(summary),
      );
      await connection.applyMutation({ type: 'full', entities });
      this.logger.info(
        `Published ${entities.length} cluster profile(s) to the catalog`,
      );
    } catch (error) {
      this.logger.error(
        `Could not publish the cluster profiles to the catalog: ${error}`,
      );
      for (const name of changed) {
        await this.applyDelta(name);
      }
    }
  }

  private async applyDelta(name: string): Promise<void> {
    const connection = this.connection;
    if (!connection) {
      return;
    }
    try {
      const summary = await this.source.get(name);
      if (summary) {
        await connection.applyMutation({
          type: 'delta',
          added: [this.toDeferred(summary)],
          removed: [],
        });
        this.logger.debug(`Updated cluster profile ${name} in the catalog`);
      } else {
        await connection.applyMutation({
          type: 'delta',
          added: [],
          removed: [
            {
              entityRef: stringifyEntityRef({
                kind: 'Resource',
                namespace: this.namespace,
                name,
              }),
              locationKey: PALETTE_PROFILES_LOCATION,
            },
          ],
        });
        this.logger.debug(`Removed cluster profile ${name} from the catalog`);
      }
    } catch (error) {
      this.logger.error(
        `Could not update cluster profile ${name} in the catalog: ${error}`,
      );
    }
  }
}
