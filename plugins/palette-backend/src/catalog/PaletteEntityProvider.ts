import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  ResourceEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { PaletteCatalogSource } from './PaletteCatalogSource';

/**
 * The default cadence of the full syncs: every 30 minutes, first 30 seconds
 * after start-up. Events carry changes in between; the full sync repairs
 * whatever an event missed.
 *
 * @public
 */
export const DEFAULT_PALETTE_SYNC_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
  };

/** @public */
export interface PaletteEntityProviderOptions<T extends { name: string }> {
  source: PaletteCatalogSource<T>;
  logger: LoggerService;
  /** The catalog namespace of the entities; `default` when absent. */
  namespace?: string;
  /** The app's base URL, for the links to Palette's pages. */
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
 * The options of the providers' `create`: with `scheduler` and no
 * `schedule`, they sync on {@link DEFAULT_PALETTE_SYNC_SCHEDULE}.
 *
 * @public
 */
export type PaletteEntityProviderCreateOptions<O> = O & {
  scheduler?: SchedulerService;
};

/** The runner of the full syncs that `create` options ask for, if any. */
export function syncScheduleOf(options: {
  schedule?: SchedulerServiceTaskRunner;
  scheduler?: SchedulerService;
}): SchedulerServiceTaskRunner | undefined {
  return (
    options.schedule ??
    options.scheduler?.createScheduledTaskRunner(DEFAULT_PALETTE_SYNC_SCHEDULE)
  );
}

/**
 * What sets apart the kinds of objects Palette publishes (profiles,
 * clusters).
 *
 * @public
 */
export interface PaletteEntityKind<T extends { name: string }> {
  /** Also the source key of the provider's entities in the catalog. */
  providerName: string;
  /** The location key of the mutations and `managed-by` annotations. */
  locationKey: string;
  /** For logs, e.g. `cluster profile`; `s` makes the plural. */
  noun: string;
  /** Guards deltas against names that cannot be objects of this kind. */
  isValidName(name: string): boolean;
  /** Whether an object that exists belongs in the catalog; all do when absent. */
  isCatalogued?(item: T): boolean;
  /** The entity: a `Resource` named after the object, which deltas rely on. */
  toEntity(
    item: T,
    context: { namespace: string; locationKey: string; appBaseUrl?: string },
  ): ResourceEntity;
}

/**
 * Publishes Palette objects to the catalog: a full sync on connect and on
 * {@link PaletteEntityProvider.refresh}, a delta on {@link
 * PaletteEntityProvider.entityChanged}.
 *
 * Syncs and deltas run one at a time, in call order, so a delta never lands
 * before a full sync that read older data. Nothing thrown by the source or
 * the catalog escapes: failures are logged and the next sync repairs them.
 *
 * @public
 */
export class PaletteEntityProvider<T extends { name: string }>
  implements EntityProvider
{
  private readonly kind: PaletteEntityKind<T>;
  private readonly source: PaletteCatalogSource<T>;
  private readonly logger: LoggerService;
  private readonly namespace: string;
  private readonly appBaseUrl?: string;
  private readonly initialSync: 'await' | 'background' | 'deferred';
  private readonly schedule?: SchedulerServiceTaskRunner;

  private connection?: EntityProviderConnection;
  private scheduled = false;
  /** Objects that changed before `connect`, for the first full sync. */
  private readonly changedBeforeConnect = new Set<string>();
  /** Deltas queued and not started yet, by name, to coalesce bursts. */
  private readonly queuedDeltas = new Map<string, Promise<void>>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    kind: PaletteEntityKind<T>,
    options: PaletteEntityProviderOptions<T>,
  ) {
    this.kind = kind;
    this.source = options.source;
    this.logger = options.logger;
    this.namespace = options.namespace ?? DEFAULT_NAMESPACE;
    this.appBaseUrl = options.appBaseUrl;
    this.initialSync = options.initialSync ?? 'await';
    this.schedule = options.schedule;
  }

  getProviderName(): string {
    return this.kind.providerName;
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
          `Could not schedule the ${this.kind.noun} catalog sync: ${error}`,
        );
      }
    }
    if (this.initialSync === 'await') {
      await initial;
    }
  }

  /**
   * Replaces every entity of this provider with the source's current
   * objects. Never rejects; ignored before `connect`, which syncs itself.
   */
  async refresh(): Promise<void> {
    if (!this.connection) {
      this.logger.debug(
        `${this.kind.noun} sync skipped: the catalog has not connected yet`,
      );
      return;
    }
    await this.enqueue(() => this.fullSync());
  }

  /**
   * Re-reads one object and adds, updates or removes its entity. Never
   * rejects; before `connect` the name is remembered for the first sync.
   */
  async entityChanged(name: string): Promise<void> {
    if (typeof name !== 'string' || !this.kind.isValidName(name)) {
      this.logger.warn(
        `Ignored a change of ${this.kind.noun} ${JSON.stringify(name)}: not a ${
          this.kind.noun
        } name`,
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
      this.logger.error(`${this.kind.noun} catalog task failed: ${error}`);
    });
    this.chain = run;
    return run;
  }

  private isCatalogued(item: T): boolean {
    return this.kind.isCatalogued?.(item) ?? true;
  }

  private toDeferred(item: T): DeferredEntity {
    const { locationKey } = this.kind;
    return {
      entity: this.kind.toEntity(item, {
        namespace: this.namespace,
        locationKey,
        appBaseUrl: this.appBaseUrl,
      }),
      locationKey,
    };
  }

  private async fullSync(): Promise<void> {
    const connection = this.connection;
    if (!connection) {
      return;
    }
    // A full sync reads every object after these changes; when it fails
    // they are applied one by one instead.
    const changed = [...this.changedBeforeConnect];
    this.changedBeforeConnect.clear();
    try {
      const byName = new Map<string, T>();
      for (const item of await this.source.listAll()) {
        if (this.isCatalogued(item)) {
          byName.set(item.name, item);
        }
      }
      const entities = [...byName.values()].map(item => this.toDeferred(item));
      await connection.applyMutation({ type: 'full', entities });
      this.logger.info(
        `Published ${entities.length} ${this.kind.noun}(s) to the catalog`,
      );
    } catch (error) {
      this.logger.error(
        `Could not publish the ${this.kind.noun}s to the catalog: ${error}`,
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
    const { noun, locationKey } = this.kind;
    try {
      const item = await this.source.get(name);
      if (item && this.isCatalogued(item)) {
        await connection.applyMutation({
          type: 'delta',
          added: [this.toDeferred(item)],
          removed: [],
        });
        this.logger.debug(`Updated ${noun} ${name} in the catalog`);
      } else {
        const entityRef = stringifyEntityRef({
          kind: 'Resource',
          namespace: this.namespace,
          name,
        });
        await connection.applyMutation({
          type: 'delta',
          added: [],
          removed: [{ entityRef, locationKey }],
        });
        this.logger.debug(`Removed ${noun} ${name} from the catalog`);
      }
    } catch (error) {
      this.logger.error(
        `Could not update ${noun} ${name} in the catalog: ${error}`,
      );
    }
  }
}
