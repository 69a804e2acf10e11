import {
  compareSemver,
  ProfileDetails,
  ProfileRef,
  ProfileVersion,
  ScanKind,
  ScanResult,
  StoredGovernancePolicy,
} from '@palette-backstage/plugin-palette-common';
import { ClusterRecord } from '../../clusters/types';
import { ProfileStore } from '../../database';
import { effectivePolicy } from '../../governance/effectivePolicy';
import { ClusterFacts, ProfileFacts } from './facts';

/** Providers whose control plane the cloud runs, for clusters not observed yet. */
const MANAGED_PROVIDERS = new Set(['eks', 'aks', 'gke']);

/**
 * Reads what the rules need for many clusters, asking each store once per
 * profile, profile version and owner within one evaluation run.
 */
export class FactsGatherer {
  readonly #profiles = new Map<string, Promise<ProfileDetails | undefined>>();
  readonly #versions = new Map<string, Promise<ProfileVersion | undefined>>();
  readonly #owners = new Map<string, Promise<boolean | undefined>>();

  constructor(
    private readonly deps: {
      profiles: ProfileStore;
      policies: StoredGovernancePolicy[];
      ownerExists(ref: string): Promise<boolean>;
      onOwnerCheckFailed(ref: string, error: Error): void;
    },
  ) {}

  async facts(
    record: ClusterRecord,
    scans: Partial<Record<ScanKind, ScanResult>>,
  ): Promise<ClusterFacts> {
    const refs = [
      ...(record.profile ? [record.profile] : []),
      ...record.addOnProfiles,
    ];
    const versions = await Promise.all(
      refs.map(r => this.#version(r.name, r.version)),
    );
    const policy = effectivePolicy(
      this.deps.policies,
      record.project,
      record.environment,
    );
    const status = record.status;
    return {
      name: record.name,
      owner: record.owner,
      environment: record.environment,
      kubernetesVersion:
        record.imported?.inventory?.kubernetes.version ??
        status?.kubernetesVersion ??
        status?.controlPlane.version ??
        record.kubernetesVersion,
      ...(record.profile
        ? { profile: await this.#profileFacts(record.profile) }
        : {}),
      ...(record.imported ? { imported: record.imported.mode } : {}),
      drift: record.drifted
        ? record.drift
            .map(d => `${d.object} ${d.path}`)
            .concat(record.drift.length ? [] : ['unreported fields'])
        : [],
      packNames: versions.flatMap(v => v?.layers.map(l => l.packName) ?? []),
      controlPlane: {
        replicas: record.request.controlPlane.replicas,
        managed:
          status?.controlPlane.managed ??
          MANAGED_PROVIDERS.has(record.provider),
      },
      pools: record.request.workerPools.map(p => ({
        name: p.name,
        instanceType: p.instanceType,
        maxNodes: p.autoscaling?.max ?? p.count,
      })),
      ...(policy
        ? {
            policy: {
              label: `${policy.project}/${policy.environment}`,
              maxPoolSize: policy.maxPoolSize,
              allowedInstanceTypes: policy.allowedInstanceTypes,
            },
          }
        : {}),
      ownerExists: await this.#ownerExists(record.owner),
      scans,
    };
  }

  async #profileFacts({ name, version }: ProfileRef): Promise<ProfileFacts> {
    let details = this.#profiles.get(name);
    if (!details) {
      details = this.deps.profiles.getProfile(name);
      this.#profiles.set(name, details);
    }
    const profile = await details;
    const current = profile?.versions.find(v => v.version === version);
    // Deprecated newer versions are not something to upgrade to.
    const newer =
      profile?.versions.filter(
        v => !v.deprecated && compareSemver(v.version, version) > 0,
      ) ?? [];
    return {
      name,
      version,
      found: current !== undefined,
      deprecated: current?.deprecated ?? false,
      latestVersion: profile?.latestVersion,
      versionsBehind: newer.length,
    };
  }

  #version(name: string, version: string) {
    const key = `${name}@${version}`;
    let found = this.#versions.get(key);
    if (!found) {
      found = this.deps.profiles.getVersion(name, version);
      this.#versions.set(key, found);
    }
    return found;
  }

  #ownerExists(ref: string) {
    const key = ref.toLocaleLowerCase('en-US');
    let found = this.#owners.get(key);
    if (!found) {
      found = this.deps.ownerExists(ref).catch(error => {
        this.deps.onOwnerCheckFailed(ref, error);
        return undefined;
      });
      this.#owners.set(key, found);
    }
    return found;
  }
}
