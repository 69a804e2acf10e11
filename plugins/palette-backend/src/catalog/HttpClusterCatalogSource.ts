import {
  cloudTypeSchema,
  clusterPhaseSchema,
  importModeSchema,
  profileRefSchema,
} from '@palette-backstage/plugin-palette-common';
import { z } from 'zod';
import {
  ClusterCatalogRecord,
  ClusterCatalogSource,
} from './ClusterCatalogSource';
import { PaletteApiReader, PaletteApiReaderOptions } from './PaletteApiReader';

/** Absent, or `null` from a serializer that writes empty columns as such. */
const optionalText = z
  .string()
  .nullish()
  .transform(value => value || undefined);

/**
 * The part of `GET /clusters/:name` (`ClusterDetails`) the catalog reads;
 * the rest (conditions, pools, objects...) is stripped.
 */
const clusterRecordSchema: z.ZodType<ClusterCatalogRecord> = z
  .object({
    name: z.string().min(1),
    phase: clusterPhaseSchema,
    provider: cloudTypeSchema,
    region: z.string(),
    owner: z.string().min(1),
    project: z.string().min(1),
    environment: z.string().min(1),
    managementCluster: z.string(),
    kubernetesVersion: optionalText,
    apiServer: optionalText,
    apiServerCertificateAuthority: optionalText,
    profile: profileRefSchema.optional(),
    imported: z
      .object({
        mode: importModeSchema,
        importedAt: z.string(),
        distribution: optionalText,
        lastDiscoveredAt: optionalText,
        lastError: optionalText,
      })
      .optional(),
    addOnProfiles: z.array(profileRefSchema).default([]),
    request: z.object({ description: optionalText }).optional(),
  })
  .transform(({ request, ...record }) => ({
    ...record,
    description: request?.description,
  }));

/** Only names are read from the listing: the entity needs the details. */
const listedClusterSchema = z.object({ name: z.string().min(1) });

/** @public */
export interface HttpClusterCatalogSourceOptions
  extends PaletteApiReaderOptions {
  /** Cluster details read at once during a full listing; 8 when absent. */
  concurrency?: number;
}

/**
 * Reads clusters from palette-backend's REST API (`GET /clusters` and
 * `GET /clusters/:name`) with the calling plugin's service credentials.
 *
 * The listing (`ClusterSummary`) lacks the API server and the description,
 * so {@link HttpClusterCatalogSource.listAll} reads every cluster's details,
 * a few at a time: a full sync must produce the same entities as the deltas,
 * or each would undo the other.
 *
 * @public
 */
export class HttpClusterCatalogSource implements ClusterCatalogSource {
  private readonly reader: PaletteApiReader;
  private readonly concurrency: number;

  constructor(options: HttpClusterCatalogSourceOptions) {
    this.reader = new PaletteApiReader(options);
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  }

  /** Every cluster but those deleted in between listing and reading. */
  async listAll(): Promise<ClusterCatalogRecord[]> {
    const listed = await this.reader.listAll('/clusters', listedClusterSchema);
    const records = await mapConcurrently(
      listed,
      this.concurrency,
      ({ name }) => this.get(name),
    );
    return records.filter(
      (record): record is ClusterCatalogRecord => record !== undefined,
    );
  }

  get(name: string): Promise<ClusterCatalogRecord | undefined> {
    return this.reader.get(
      `/clusters/${encodeURIComponent(name)}`,
      clusterRecordSchema,
    );
  }
}

/** `items.map(fn)` with at most `limit` calls pending; fails on the first failure. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure the others stop taking items: the result is lost anyway.
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}
