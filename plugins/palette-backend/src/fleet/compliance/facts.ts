import {
  ImportMode,
  ScanKind,
  ScanResult,
} from '@palette-backstage/plugin-palette-common';
import { KubernetesSupport } from './kubernetesSupport';
import { ComplianceSettings } from './settings';

/** What the rules look at, gathered from the stores before evaluation. */
export interface ClusterFacts {
  name: string;
  owner: string;
  environment: string;
  /** The version running (observed), else the desired one. */
  kubernetesVersion?: string;
  /** Absent on imported clusters: they were not built from a profile. */
  profile?: ProfileFacts;
  /** How the cluster was imported, for imported clusters. */
  imported?: ImportMode;
  /** Drifted fields as `object path`, empty when none. */
  drift: string[];
  /** Pack names across the cluster's infrastructure and add-on profiles. */
  packNames: string[];
  controlPlane: { replicas: number; managed: boolean };
  pools: Array<{ name: string; instanceType: string; maxNodes: number }>;
  /** The effective governance policy; none applies when absent. */
  policy?: {
    label: string;
    maxPoolSize?: number;
    allowedInstanceTypes?: string[];
  };
  /** Undefined when the catalog could not be asked. */
  ownerExists?: boolean;
  /** The latest scan of each kind. */
  scans: Partial<Record<ScanKind, ScanResult>>;
}

/** The cluster's profile version as the profile store knows it. */
export interface ProfileFacts {
  name: string;
  version: string;
  /** False when the profile or version is no longer published. */
  found: boolean;
  deprecated: boolean;
  latestVersion?: string;
  /** Published versions newer than the cluster's. */
  versionsBehind: number;
}

/** What is the same for every cluster of one evaluation run. */
export interface EvaluationContext {
  settings: ComplianceSettings;
  kubernetes: KubernetesSupport;
  now: Date;
}
