import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  ClusterInventory,
  ImportDryRunResponse,
  ValidationMessage,
  GeneratedProfileResult,
  ImportClusterRequest,
} from '@palette-backstage/plugin-palette-common';
import {
  ClusterService,
  ownerViolation,
  Requester,
} from '../clusters/ClusterService';
import { checkAddOnProfiles } from '../clusters/addOnProfiles';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../clusters/types';
import { ProfileStore } from '../database';
import { ManagementClusters } from '../management/ManagementClusters';
import { ManagementClient } from '../orchestration/ManagementClient';
import { PackRegistry } from '../packs';
import { discoverCluster, probeVersion } from './discovery/discoverCluster';
import { WorkloadApiError } from './discovery/errors';
import { ImportedClusterMonitor } from './ImportedClusterMonitor';
import { importedRequest, ON_PREMISES_PROVIDER } from './importedRequest';
import { importSecret, importSecretName } from './kubeconfig/importSecret';
import { parseImportKubeconfig } from './kubeconfig/parseImportKubeconfig';
import { generateProfile } from './profileFromInventory';

/** The dependencies of {@link ImportService}. */
export interface ImportServiceOptions {
  store: DatabaseClusterStore;
  /** For the name check shared with created clusters. */
  clusters: Pick<ClusterService, 'nameTaken'>;
  profiles: ProfileStore;
  packs: PackRegistry;
  managementClusters: ManagementClusters;
  client(managementCluster: string): ManagementClient;
  /** The management-cluster namespace of clusters' objects and Secrets. */
  namespace: string;
  monitor: ImportedClusterMonitor;
  /** After an import committed: reconcile (managed mode) and tell the catalog. */
  onChanged(record: ClusterRecord): Promise<void> | void;
  onProfileChanged(name: string): Promise<void> | void;
  /** Deadline of the API server probe. */
  probeTimeoutMs?: number;
}

/** An imported cluster's import state; 400 for clusters Palette created. */
function requireImported(record: ClusterRecord) {
  if (!record.imported)
    throw new InputError(
      `Cluster "${record.name}" was created by Palette, not imported: it has no discovered inventory`,
    );
  return record.imported;
}

/** What the checks found. */
interface Checked {
  kubeconfig: ReturnType<typeof parseImportKubeconfig>;
  managementCluster: string;
  gitVersion: string;
}

/**
 * Importing existing clusters by kubeconfig: checks (ownership, add-on
 * profiles, the kubeconfig, one probe of the API server), stores the
 * kubeconfig as a Secret on the management cluster and the cluster in the
 * clusters table in one transaction, then discovers it at once. The
 * kubeconfig is never stored anywhere else, logged or returned.
 */
export class ImportService {
  readonly #o: ImportServiceOptions;

  constructor(options: ImportServiceOptions) {
    this.#o = options;
  }

  /** Validates and probes without storing anything. */
  async dryRun(
    request: ImportClusterRequest,
    requester: Requester,
  ): Promise<ImportDryRunResponse> {
    const checked = await this.#check(request, requester);
    const messages: ValidationMessage[] = [
      {
        severity: 'info',
        code: 'import.probe',
        field: 'kubeconfig',
        message: `The API server answered: Kubernetes ${checked.gitVersion}`,
      },
    ];
    let inventory: ClusterInventory | undefined;
    try {
      inventory = await discoverCluster(checked.kubeconfig.kubeConfig, {
        now: new Date(),
        timeoutMs: this.#o.probeTimeoutMs,
      });
    } catch (error) {
      // The import still works: the monitor retries discovery and reports why.
      messages.push({
        severity: 'warning',
        code: 'import.discovery',
        field: 'kubeconfig',
        message: `Discovery failed: ${
          error instanceof WorkloadApiError ? error.message : 'unexpected error'
        }`,
      });
    }
    return {
      valid: true,
      messages,
      apiServer: checked.kubeconfig.server,
      ...(inventory ? { inventory } : {}),
    };
  }

  /** Imports a cluster (phase `Importing` until its first discovery, which runs now). */
  async importCluster(
    request: ImportClusterRequest,
    actor: string,
    requester: Requester,
  ): Promise<ClusterRecord> {
    const checked = await this.#check(request, requester);
    const { namespace } = this.#o;
    const client = this.#o.client(checked.managementCluster);
    const secretName = importSecretName(request.name);
    const record = await this.#o.store.createImported(
      {
        request: importedRequest(request),
        managementCluster: checked.managementCluster,
        namespace,
        provider: ON_PREMISES_PROVIDER,
        mode: request.mode,
        secretName,
        createdBy: actor,
      },
      {
        action: 'cluster.import',
        reason: 'Imported',
        message: `Imported ${request.mode} (Kubernetes ${checked.gitVersion}) by ${actor}`,
      },
      {
        // Inside the transaction: a taken name never overwrites a Secret,
        // and a Secret that cannot be written leaves no import behind.
        beforeCommit: async () => {
          await client.ensureNamespace(namespace);
          await client.apply(
            importSecret(request.name, namespace, checked.kubeconfig.text),
          );
        },
      },
    );
    const discovered = await this.#o.monitor.check(record);
    await this.#o.onChanged(discovered);
    return discovered;
  }

  /** The last inventory; 404 before the first discovery. */
  inventory(record: ClusterRecord): ClusterInventory {
    const inventory = requireImported(record).inventory;
    if (!inventory)
      throw new NotFoundError(
        `Cluster "${record.name}" has not been discovered yet${
          record.imported!.lastError ? `: ${record.imported!.lastError}` : ''
        }`,
      );
    return inventory;
  }

  /** Rediscovers an imported cluster now. */
  async discover(record: ClusterRecord): Promise<ClusterRecord> {
    requireImported(record);
    return this.#o.monitor.check(record);
  }

  /** Generates a draft profile from an imported cluster's inventory. */
  async generateProfile(
    record: ClusterRecord,
    body: { name?: string },
    actor: string,
  ): Promise<GeneratedProfileResult> {
    const inventory = this.inventory(record);
    const name = body.name ?? `${record.name}-imported`;
    const result = await generateProfile(
      { packs: this.#o.packs, store: this.#o.profiles },
      {
        name,
        cluster: record.name,
        owner: record.owner,
        cloudType: record.provider,
        inventory,
      },
      actor,
    );
    await this.#o.onProfileChanged(name);
    return result;
  }

  /**
   * Everything an import must pass before anything is stored: the name is
   * free (409), the requester may own clusters for the team (403 as for
   * requests), add-on profiles exist (400), the management cluster is
   * configured (400), the kubeconfig is usable (400) and its API server
   * answers and accepts the credentials (422).
   */
  async #check(
    request: ImportClusterRequest,
    requester: Requester,
  ): Promise<Checked> {
    const taken = await this.#o.clusters.nameTaken(request.name);
    if (taken) throw new ConflictError(`Name taken: ${taken}`);
    const ownerProblem = ownerViolation(request, requester);
    if (ownerProblem)
      throw new NotAllowedError(
        `Governance does not allow this import: ${ownerProblem.message}`,
      );
    await checkAddOnProfiles(request.addOnProfiles, this.#o.profiles);
    const managementCluster = this.#o.managementClusters.find(
      request.managementCluster,
    );
    if (!managementCluster)
      throw new InputError(
        `managementCluster: no management cluster named "${request.managementCluster}" is configured`,
      );
    const kubeconfig = parseImportKubeconfig(
      request.kubeconfig,
      request.context,
    );
    let gitVersion: string;
    try {
      ({ gitVersion } = await probeVersion(
        kubeconfig.kubeConfig,
        this.#o.probeTimeoutMs,
      ));
    } catch (error) {
      if (!(error instanceof WorkloadApiError)) throw error;
      // The backend's error handler knows no 422: a kubeconfig that cannot
      // be used is bad input.
      throw new InputError(
        `kubeconfig: ${kubeconfig.server} cannot be used: ${error.message}; nothing was imported`,
      );
    }
    return {
      kubeconfig,
      managementCluster: managementCluster.name,
      gitVersion,
    };
  }
}
