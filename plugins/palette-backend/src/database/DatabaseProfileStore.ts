import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  CORE_PACK_LAYERS,
  compareSemver,
  SENSITIVE_VALUE_MASK,
} from '@palette-backstage/plugin-palette-common';
import type {
  CloudType,
  ListProfilesResponse,
  Pack,
  PackLayer,
  ProfileDetails,
  ProfileDraftRecord,
  ProfileLayer,
  ProfileSummary,
  ProfileType,
  ProfileVariable,
  ProfileVersion,
  ProfileVersionInfo,
} from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { AuditLog } from '../audit/AuditLog';
import { PackRegistry } from '../packs/PackRegistry';
import { explainNextVersion, nextVersionIsValid } from '../profiles';
import { applyDatabaseMigrations } from './migrations';
import {
  CreateProfileInput,
  ListProfilesOptions,
  ProfileFilterProperty,
  ProfileStore,
  PublishInput,
  SaveDraftInput,
  StoreOptions,
} from './ProfileStore';
import { applyPropertyFilter, FilterColumn } from './propertyFilter';
import {
  escapeLike,
  isPostgres,
  isUniqueViolation,
  parseJson,
  Queryable,
  toBoolean,
  toCount,
  toIsoTimestamp,
} from './util';
import { versionSortKey } from './versionKey';

/** The tables of the profile store (created by the package's migrations). */
export const PROFILE_TABLES = {
  profiles: 'palette_profiles',
  drafts: 'palette_profile_drafts',
  versions: 'palette_profile_versions',
  customPacks: 'palette_custom_packs',
} as const;

const PROFILES = PROFILE_TABLES.profiles;
const DRAFTS = PROFILE_TABLES.drafts;
const VERSIONS = PROFILE_TABLES.versions;
const CUSTOM_PACKS = PROFILE_TABLES.customPacks;

/** The default and the largest page of {@link DatabaseProfileStore.listProfiles}. */
export const DEFAULT_PROFILE_PAGE_SIZE = 50;
/** @see DEFAULT_PROFILE_PAGE_SIZE */
export const MAX_PROFILE_PAGE_SIZE = 500;

interface ProfileRow {
  name: string;
  display_name: string | null;
  description: string | null;
  type: string;
  cloud_type: string;
  owner: string;
  tags: string;
  created_at: unknown;
  created_by: string;
  updated_at: unknown;
}

interface DraftRow {
  profile_name: string;
  layers: string;
  variables: string;
  base_version: string | null;
  updated_at: unknown;
  updated_by: string;
}

interface VersionRow {
  profile_name: string;
  version: string;
  version_key: string;
  display_name: string | null;
  description: string | null;
  type: string;
  cloud_type: string;
  layers: string;
  variables: string;
  change_note: string;
  published_at: unknown;
  published_by: string;
  deprecated: unknown;
}

type VersionInfoRow = Pick<
  VersionRow,
  | 'profile_name'
  | 'version'
  | 'change_note'
  | 'published_at'
  | 'published_by'
  | 'deprecated'
>;

const VERSION_INFO_COLUMNS = [
  'profile_name',
  'version',
  'change_note',
  'published_at',
  'published_by',
  'deprecated',
] as const;

interface CustomPackRow {
  name: string;
  version: string;
  document: string;
  created_at: unknown;
  created_by: string;
}

/** Options of {@link DatabaseProfileStore}. */
export interface DatabaseProfileStoreOptions {
  /** A knex instance whose schema is up to date (`applyDatabaseMigrations`). */
  db: Knex;
  /** Where audit events go; an {@link AuditLog} on `db` by default. */
  auditLog?: AuditLog;
  /**
   * Tells which layer a pack fills, for the layer summary of lists; the
   * registry of built-in packs by default. Pass the plugin's registry so that
   * custom packs count.
   */
  packRegistry?: PackRegistry;
  /** The clock of timestamps; `() => new Date()` by default. */
  clock?: () => Date;
}

/** Options of {@link DatabaseProfileStore.create}. */
export interface CreateDatabaseProfileStoreOptions
  extends Omit<DatabaseProfileStoreOptions, 'db'> {
  database: DatabaseService;
  /** Skip the migrations (they also are when `database.migrations.skip`). */
  skipMigrations?: boolean;
}

function profileTarget(name: string): string {
  return `profile:${name}`;
}

function versionTarget(name: string, version: string): string {
  return `profile:${name}@${version}`;
}

function packTarget(pack: { name: string; version: string }): string {
  return `pack:${pack.name}@${pack.version}`;
}

/** Variables as the audit log shows them: sensitive defaults masked. */
function maskVariables(variables: ProfileVariable[]): ProfileVariable[] {
  return variables.map(variable =>
    variable.sensitive && variable.default !== undefined
      ? { ...variable, default: SENSITIVE_VALUE_MASK }
      : variable,
  );
}

function maskDraft(draft: ProfileDraftRecord): ProfileDraftRecord {
  return { ...draft, variables: maskVariables(draft.variables) };
}

function maskVersion(version: ProfileVersion): ProfileVersion {
  return { ...version, variables: maskVariables(version.variables ?? []) };
}

function maskDetails(details: ProfileDetails): ProfileDetails {
  return details.draft
    ? { ...details, draft: maskDraft(details.draft) }
    : details;
}

function optional<K extends string, V>(
  key: K,
  value: V | null | undefined,
): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as {
    [P in K]?: V;
  };
}

function toDraftRecord(row: DraftRow): ProfileDraftRecord {
  return {
    layers: parseJson<ProfileLayer[]>(row.layers) ?? [],
    variables: parseJson<ProfileVariable[]>(row.variables) ?? [],
    ...optional('baseVersion', row.base_version),
    updatedAt: toIsoTimestamp(row.updated_at),
    updatedBy: row.updated_by,
  };
}

function toVersionInfo(row: VersionInfoRow): ProfileVersionInfo {
  return {
    version: row.version,
    changeNote: row.change_note,
    publishedAt: toIsoTimestamp(row.published_at),
    publishedBy: row.published_by,
    deprecated: toBoolean(row.deprecated),
  };
}

function toVersion(row: VersionRow): ProfileVersion {
  return {
    name: row.profile_name,
    ...optional('displayName', row.display_name),
    ...optional('description', row.description),
    type: row.type as ProfileType,
    cloudType: row.cloud_type as CloudType,
    layers: parseJson<ProfileLayer[]>(row.layers) ?? [],
    variables: parseJson<ProfileVariable[]>(row.variables) ?? [],
    version: row.version,
    changeNote: row.change_note,
    publishedAt: toIsoTimestamp(row.published_at),
    publishedBy: row.published_by,
    deprecated: toBoolean(row.deprecated),
  };
}

const PROFILE_FILTER_COLUMNS: Record<ProfileFilterProperty, FilterColumn> = {
  name: { column: 'p.name' },
  owner: { column: 'p.owner', caseInsensitive: true },
};

/**
 * The knex implementation of {@link ProfileStore}, on SQLite and PostgreSQL.
 * JSON is stored as text; published versions carry a sortable
 * `version_key` so that "highest version" is a query.
 */
export class DatabaseProfileStore implements ProfileStore {
  /** Applies the migrations (unless skipped) and returns a store. */
  static async create(
    options: CreateDatabaseProfileStoreOptions,
  ): Promise<DatabaseProfileStore> {
    const { database, skipMigrations, ...rest } = options;
    const db = await database.getClient();
    if (!skipMigrations && !database.migrations?.skip) {
      await applyDatabaseMigrations(db);
    }
    return new DatabaseProfileStore({ ...rest, db });
  }

  /** The audit log the store writes to (and the router reads from). */
  readonly auditLog: AuditLog;
  readonly #db: Knex;
  readonly #packRegistry: PackRegistry;
  readonly #clock: () => Date;

  constructor(options: DatabaseProfileStoreOptions) {
    this.#db = options.db;
    this.#clock = options.clock ?? (() => new Date());
    this.auditLog =
      options.auditLog ?? new AuditLog(options.db, { clock: this.#clock });
    this.#packRegistry =
      options.packRegistry ?? PackRegistry.withBuiltinPacks();
  }

  async listProfiles(
    query: ListProfilesOptions = {},
    options: StoreOptions = {},
  ): Promise<ListProfilesResponse> {
    const db: Queryable = options.tx ?? this.#db;
    const limit = Math.min(
      Math.max(Math.trunc(query.limit ?? DEFAULT_PROFILE_PAGE_SIZE), 1),
      MAX_PROFILE_PAGE_SIZE,
    );
    const offset = Math.max(Math.trunc(query.offset ?? 0), 0);

    const base = db<ProfileRow>(`${PROFILES} as p`);
    this.#applyListQuery(db, base, query);

    const [{ count }] = await base.clone().count({ count: '*' });
    const totalCount = toCount(count);
    if (totalCount <= offset) {
      return { items: [], totalCount };
    }
    const rows: ProfileRow[] = await base
      .clone()
      .select('p.*')
      .orderBy('p.name', 'asc')
      .limit(limit)
      .offset(offset);
    const details = await this.#loadDetails(db, rows, { withDrafts: false });
    return { items: details, totalCount };
  }

  async getProfile(
    name: string,
    options: StoreOptions = {},
  ): Promise<ProfileDetails | undefined> {
    return this.#getProfile(options.tx ?? this.#db, name);
  }

  async getVersion(
    name: string,
    version: string,
    options: StoreOptions = {},
  ): Promise<ProfileVersion | undefined> {
    const db: Queryable = options.tx ?? this.#db;
    const row: VersionRow | undefined = await db<VersionRow>(VERSIONS)
      .where({ profile_name: name, version })
      .first();
    return row ? toVersion(row) : undefined;
  }

  async createProfile(
    input: CreateProfileInput,
    actor: string,
    options: StoreOptions = {},
  ): Promise<ProfileDetails> {
    return this.#transaction(options, async tx => {
      const conflict = () =>
        new ConflictError(`Profile ${input.name} already exists`);
      if (await tx(PROFILES).where({ name: input.name }).first('name')) {
        throw conflict();
      }
      const now = this.#clock();
      const tags = input.tags ?? [];
      const layers = input.layers ?? [];
      const variables = input.variables ?? [];
      try {
        await tx(PROFILES).insert({
          name: input.name,
          display_name: input.displayName ?? null,
          description: input.description ?? null,
          type: input.type,
          cloud_type: input.cloudType,
          owner: input.owner,
          tags: JSON.stringify(tags),
          created_at: now,
          created_by: actor,
          updated_at: now,
        });
        await tx(DRAFTS).insert({
          profile_name: input.name,
          layers: JSON.stringify(layers),
          variables: JSON.stringify(variables),
          base_version: null,
          updated_at: now,
          updated_by: actor,
        });
      } catch (error) {
        throw isUniqueViolation(error) ? conflict() : error;
      }
      const timestamp = now.toISOString();
      const details: ProfileDetails = {
        name: input.name,
        ...optional('displayName', input.displayName),
        ...optional('description', input.description),
        type: input.type,
        cloudType: input.cloudType,
        owner: input.owner,
        tags,
        versions: [],
        hasDraft: true,
        layerSummary: this.#layerSummary(layers),
        createdAt: timestamp,
        updatedAt: timestamp,
        draft: { layers, variables, updatedAt: timestamp, updatedBy: actor },
      };
      await this.auditLog.record(
        {
          actor,
          action: 'profile.create',
          target: profileTarget(input.name),
          after: maskDetails(details),
        },
        tx,
      );
      return details;
    });
  }

  async saveDraft(
    name: string,
    input: SaveDraftInput,
    actor: string,
    options: StoreOptions = {},
  ): Promise<ProfileDraftRecord> {
    return this.#transaction(options, async tx => {
      await this.#requireProfile(tx, name);
      const existing: DraftRow | undefined = await tx<DraftRow>(DRAFTS)
        .where({ profile_name: name })
        .first();
      const baseVersion =
        input.baseVersion ??
        existing?.base_version ??
        (existing
          ? undefined
          : (await this.#highestVersion(tx, name))?.version);
      const now = this.#clock();
      const row: DraftRow = {
        profile_name: name,
        layers: JSON.stringify(input.layers),
        variables: JSON.stringify(input.variables ?? []),
        base_version: baseVersion ?? null,
        updated_at: now,
        updated_by: actor,
      };
      await tx(DRAFTS).insert(row).onConflict('profile_name').merge();
      await tx(PROFILES).where({ name }).update({ updated_at: now });
      const draft = toDraftRecord(row);
      await this.auditLog.record(
        {
          actor,
          action: 'profile.draft.save',
          target: profileTarget(name),
          before: existing ? maskDraft(toDraftRecord(existing)) : undefined,
          after: maskDraft(draft),
        },
        tx,
      );
      return draft;
    });
  }

  async publish(
    name: string,
    input: PublishInput,
    actor: string,
    options: StoreOptions = {},
  ): Promise<ProfileVersion> {
    const versionKey = versionSortKey(input.version); // InputError when not semver
    return this.#transaction(options, async tx => {
      const profile = await this.#requireProfile(tx, name);
      const draft: DraftRow | undefined = await tx<DraftRow>(DRAFTS)
        .where({ profile_name: name })
        .first();
      if (!draft) {
        throw new ConflictError(
          `Profile ${name} has no draft to publish; save a draft first`,
        );
      }
      const exists = () =>
        new ConflictError(
          `Version ${input.version} of profile ${name} already exists; published versions are immutable`,
        );
      const highest = await this.#highestVersion(tx, name);
      if (!nextVersionIsValid(highest?.version, input.version)) {
        if (
          await tx(VERSIONS)
            .where({ profile_name: name, version: input.version })
            .first('version')
        ) {
          throw exists();
        }
        throw new ConflictError(
          `Cannot publish profile ${name} as ${input.version}: ${
            explainNextVersion(highest?.version, input.version) ??
            'not a valid next version'
          }`,
        );
      }
      const now = this.#clock();
      const row: VersionRow = {
        profile_name: name,
        version: input.version,
        version_key: versionKey,
        display_name: profile.display_name,
        description: profile.description,
        type: profile.type,
        cloud_type: profile.cloud_type,
        layers: draft.layers,
        variables: draft.variables,
        change_note: input.changeNote,
        published_at: now,
        published_by: actor,
        deprecated: false,
      };
      try {
        await tx(VERSIONS).insert(row);
      } catch (error) {
        // A concurrent publication of the same version (or one of equal
        // precedence) committed first: the primary key decides.
        throw isUniqueViolation(error) ? exists() : error;
      }
      const deleted = await tx(DRAFTS).where({ profile_name: name }).delete();
      if (deleted !== 1) {
        throw new ConflictError(
          `The draft of profile ${name} was published concurrently`,
        );
      }
      await tx(PROFILES).where({ name }).update({ updated_at: now });
      const version = toVersion(row);
      await this.auditLog.record(
        {
          actor,
          action: 'profile.publish',
          target: versionTarget(name, input.version),
          after: maskVersion(version),
        },
        tx,
      );
      return version;
    });
  }

  async setDeprecated(
    name: string,
    version: string,
    deprecated: boolean,
    actor: string,
    options: StoreOptions = {},
  ): Promise<ProfileVersionInfo> {
    return this.#transaction(options, async tx => {
      const row: VersionInfoRow | undefined = await tx<VersionRow>(VERSIONS)
        .select(...VERSION_INFO_COLUMNS)
        .where({ profile_name: name, version })
        .first();
      if (!row) {
        throw new NotFoundError(
          `Version ${version} of profile ${name} not found`,
        );
      }
      const before = toVersionInfo(row);
      if (before.deprecated === deprecated) {
        return before; // nothing changes, nothing to audit
      }
      await tx(VERSIONS)
        .where({ profile_name: name, version })
        .update({ deprecated });
      await tx(PROFILES).where({ name }).update({ updated_at: this.#clock() });
      await this.auditLog.record(
        {
          actor,
          action: deprecated ? 'profile.deprecate' : 'profile.undeprecate',
          target: versionTarget(name, version),
          before: { deprecated: before.deprecated },
          after: { deprecated },
        },
        tx,
      );
      return { ...before, deprecated };
    });
  }

  async deleteVersion(
    name: string,
    version: string,
    actor: string,
    options: StoreOptions = {},
  ): Promise<void> {
    await this.#transaction(options, async tx => {
      const row: VersionRow | undefined = await tx<VersionRow>(VERSIONS)
        .where({ profile_name: name, version })
        .first();
      if (!row) {
        throw new NotFoundError(
          `Version ${version} of profile ${name} not found`,
        );
      }
      await tx(VERSIONS).where({ profile_name: name, version }).delete();
      await tx(PROFILES).where({ name }).update({ updated_at: this.#clock() });
      await this.auditLog.record(
        {
          actor,
          action: 'profile.version.delete',
          target: versionTarget(name, version),
          before: maskVersion(toVersion(row)),
        },
        tx,
      );
    });
  }

  async deleteProfile(
    name: string,
    actor: string,
    options: StoreOptions = {},
  ): Promise<void> {
    await this.#transaction(options, async tx => {
      const details = await this.#getProfile(tx, name);
      if (!details) {
        throw new NotFoundError(`Profile ${name} not found`);
      }
      // Explicit rather than relying on ON DELETE CASCADE, which SQLite only
      // honours with PRAGMA foreign_keys.
      await tx(DRAFTS).where({ profile_name: name }).delete();
      await tx(VERSIONS).where({ profile_name: name }).delete();
      await tx(PROFILES).where({ name }).delete();
      await this.auditLog.record(
        {
          actor,
          action: 'profile.delete',
          target: profileTarget(name),
          before: maskDetails(details),
        },
        tx,
      );
    });
  }

  async listCustomPacks(options: StoreOptions = {}): Promise<Pack[]> {
    const db: Queryable = options.tx ?? this.#db;
    const rows: CustomPackRow[] = await db<CustomPackRow>(CUSTOM_PACKS)
      .select()
      .orderBy('name', 'asc');
    return rows
      .map(row => parseJson<Pack>(row.document)!)
      .sort(
        (a, b) =>
          Number(a.name > b.name) - Number(a.name < b.name) ||
          compareSemver(b.version, a.version),
      );
  }

  async addCustomPack(
    pack: Pack,
    actor: string,
    options: StoreOptions = {},
  ): Promise<Pack> {
    return this.#transaction(options, async tx => {
      const conflict = () =>
        new ConflictError(
          `Pack ${pack.name} ${pack.version} already exists in the registry`,
        );
      if (
        await tx(CUSTOM_PACKS)
          .where({ name: pack.name, version: pack.version })
          .first('name')
      ) {
        throw conflict();
      }
      try {
        await tx(CUSTOM_PACKS).insert({
          name: pack.name,
          version: pack.version,
          document: JSON.stringify(pack),
          created_at: this.#clock(),
          created_by: actor,
        });
      } catch (error) {
        throw isUniqueViolation(error) ? conflict() : error;
      }
      await this.auditLog.record(
        { actor, action: 'pack.create', target: packTarget(pack), after: pack },
        tx,
      );
      return pack;
    });
  }

  /**
   * Runs `fn` in a transaction: a savepoint of the caller's transaction when
   * there is one, so that a failure undoes the change and its audit event
   * without aborting the caller's transaction.
   */
  #transaction<T>(
    options: StoreOptions,
    fn: (tx: Knex.Transaction) => Promise<T>,
  ): Promise<T> {
    return (options.tx ?? this.#db).transaction(fn);
  }

  async #requireProfile(db: Queryable, name: string): Promise<ProfileRow> {
    const row: ProfileRow | undefined = await db<ProfileRow>(PROFILES)
      .where({ name })
      .first();
    if (!row) {
      throw new NotFoundError(`Profile ${name} not found`);
    }
    return row;
  }

  async #highestVersion(
    db: Queryable,
    name: string,
  ): Promise<{ version: string } | undefined> {
    return db<VersionRow>(VERSIONS)
      .where({ profile_name: name })
      .orderBy('version_key', 'desc')
      .first('version');
  }

  async #getProfile(
    db: Queryable,
    name: string,
  ): Promise<ProfileDetails | undefined> {
    const row: ProfileRow | undefined = await db<ProfileRow>(PROFILES)
      .where({ name })
      .first();
    if (!row) {
      return undefined;
    }
    const [details] = await this.#loadDetails(db, [row], { withDrafts: true });
    return details;
  }

  #applyListQuery(
    db: Queryable,
    builder: Knex.QueryBuilder,
    query: ListProfilesOptions,
  ): void {
    if (query.type !== undefined) {
      builder.where('p.type', query.type);
    }
    if (query.cloudType !== undefined) {
      builder.where('p.cloud_type', query.cloudType);
    }
    if (query.owner !== undefined) {
      builder.whereRaw('lower(??) = ?', [
        'p.owner',
        query.owner.toLocaleLowerCase('en-US'),
      ]);
    }
    if (query.tag !== undefined) {
      if (isPostgres(db)) {
        builder.whereRaw('(??)::jsonb @> ?::jsonb', [
          'p.tags',
          JSON.stringify([query.tag]),
        ]);
      } else {
        builder.whereRaw(
          'exists (select 1 from json_each(??) as t where t.value = ?)',
          ['p.tags', query.tag],
        );
      }
    }
    const search = query.search?.trim();
    if (search) {
      const pattern = `%${escapeLike(search.toLocaleLowerCase('en-US'))}%`;
      builder.where(group => {
        for (const column of ['p.name', 'p.display_name', 'p.description']) {
          group.orWhereRaw(`lower(??) like ? escape '\\'`, [column, pattern]);
        }
      });
    }
    if (query.publishedOnly) {
      builder.whereExists(
        db(`${VERSIONS} as v`)
          .select(db.raw('1'))
          .whereRaw('?? = ??', ['v.profile_name', 'p.name'])
          .where('v.deprecated', false),
      );
    }
    if (query.filter) {
      applyPropertyFilter(builder, query.filter, PROFILE_FILTER_COLUMNS);
    }
  }

  /**
   * Summaries (and drafts, with `withDrafts`) of the given profiles in a
   * constant number of queries: their versions, their drafts, and the layers
   * of the versions the layer summaries come from.
   */
  async #loadDetails(
    db: Queryable,
    rows: ProfileRow[],
    { withDrafts }: { withDrafts: boolean },
  ): Promise<ProfileDetails[]> {
    if (rows.length === 0) {
      return [];
    }
    const names = rows.map(row => row.name);

    const versionRows: VersionInfoRow[] = await db<VersionRow>(VERSIONS)
      .select(...VERSION_INFO_COLUMNS)
      .whereIn('profile_name', names)
      .orderBy([
        { column: 'profile_name', order: 'asc' },
        { column: 'version_key', order: 'desc' },
      ]);
    const versionsByProfile = new Map<string, ProfileVersionInfo[]>();
    for (const row of versionRows) {
      const list = versionsByProfile.get(row.profile_name) ?? [];
      list.push(toVersionInfo(row));
      versionsByProfile.set(row.profile_name, list);
    }

    const draftRows: Array<Partial<DraftRow> & Pick<DraftRow, 'profile_name'>> =
      withDrafts
        ? await db<DraftRow>(DRAFTS).select().whereIn('profile_name', names)
        : await db<DraftRow>(DRAFTS)
            .select('profile_name', 'layers')
            .whereIn('profile_name', names);
    const draftsByProfile = new Map(draftRows.map(r => [r.profile_name, r]));

    // The layer summary shows the latest version, else the draft, else the
    // highest (deprecated) version.
    const summarySource = new Map<string, string>();
    for (const name of names) {
      const versions = versionsByProfile.get(name) ?? [];
      const latest = versions.find(v => !v.deprecated);
      const source =
        latest ?? (draftsByProfile.has(name) ? undefined : versions[0]);
      if (source) {
        summarySource.set(name, source.version);
      }
    }
    const summaryLayers = new Map<string, ProfileLayer[]>();
    if (summarySource.size > 0) {
      const layerRows: Pick<VersionRow, 'profile_name' | 'layers'>[] =
        await db<VersionRow>(VERSIONS)
          .select('profile_name', 'layers')
          .whereIn(['profile_name', 'version'], [...summarySource.entries()]);
      for (const row of layerRows) {
        summaryLayers.set(
          row.profile_name,
          parseJson<ProfileLayer[]>(row.layers) ?? [],
        );
      }
    }

    return rows.map(row => {
      const versions = versionsByProfile.get(row.name) ?? [];
      const draftRow = draftsByProfile.get(row.name);
      const layers =
        summaryLayers.get(row.name) ??
        (draftRow?.layers ? parseJson<ProfileLayer[]>(draftRow.layers) : []) ??
        [];
      const summary: ProfileSummary = {
        name: row.name,
        ...optional('displayName', row.display_name),
        ...optional('description', row.description),
        type: row.type as ProfileType,
        cloudType: row.cloud_type as CloudType,
        owner: row.owner,
        tags: parseJson<string[]>(row.tags) ?? [],
        ...optional(
          'latestVersion',
          versions.find(v => !v.deprecated)?.version,
        ),
        versions,
        hasDraft: draftRow !== undefined,
        layerSummary: this.#layerSummary(layers),
        createdAt: toIsoTimestamp(row.created_at),
        updatedAt: toIsoTimestamp(row.updated_at),
      };
      if (withDrafts && draftRow) {
        return { ...summary, draft: toDraftRecord(draftRow as DraftRow) };
      }
      return summary;
    });
  }

  /** The core layers (OS, Kubernetes, CNI, CSI) of a profile, in layer order. */
  #layerSummary(layers: ProfileLayer[]): ProfileSummary['layerSummary'] {
    const summary: ProfileSummary['layerSummary'] = [];
    for (const layer of layers) {
      const packLayer = this.#layerOf(layer);
      if (packLayer && CORE_PACK_LAYERS.includes(packLayer)) {
        summary.push({
          layer: packLayer,
          packName: layer.packName,
          packVersion: layer.packVersion,
        });
      }
    }
    return summary.sort(
      (a, b) =>
        CORE_PACK_LAYERS.indexOf(a.layer as PackLayer) -
        CORE_PACK_LAYERS.indexOf(b.layer as PackLayer),
    );
  }

  #layerOf(layer: ProfileLayer): PackLayer | undefined {
    const registry = this.#packRegistry;
    const pack =
      registry.get(layer.packName, layer.packVersion) ??
      registry
        .versions(layer.packName)
        .map(version => registry.get(layer.packName, version))
        .find(Boolean);
    return pack?.layer;
  }
}
