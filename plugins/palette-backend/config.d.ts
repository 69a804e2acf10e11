import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Palette backend. */
  palette?: {
    /** Demo data for a first start with the embedded defaults. */
    demoData?: {
      /** Seed the curated demo profiles into an empty database (off in production). */
      seed?: boolean;
      /**
       * Seed a demo fleet of a few dozen clusters (requested over the last
       * months, through the product's own use cases) into an empty clusters
       * table (off in production).
       */
      fleet?: boolean;
    };
    /**
     * The Cluster API management clusters Palette orchestrates. Without this
     * key, one embedded simulated management cluster named `embedded` is used.
     */
    managementClusters?: Array<{
      /** Unique name, used in cluster requests and the health report. */
      name: string;
      /**
       * How the cluster is reached: `embedded` starts the in-process
       * simulator; `kubeconfig` reads a kubeconfig file (optionally one
       * context); `inCluster` uses the pod's service account.
       */
      type: 'embedded' | 'kubeconfig' | 'inCluster';
      /** Path of the kubeconfig file, for `type: kubeconfig`. */
      kubeconfigPath?: string;
      /** Context inside the kubeconfig file; the current context by default. */
      context?: string;
      /** Whether requests that name no management cluster go here. */
      default?: boolean;
      /**
       * For `type: embedded`: a folder of CRD files (e.g. the Cluster API
       * CRDs) to validate objects against, as a real API server would.
       */
      crdsDir?: string;
      /**
       * For `type: embedded`: how fast simulated clusters move. `realistic`
       * (default): tens of seconds to available; `fast` or `instant` for tests.
       */
      speed?: 'instant' | 'fast' | 'realistic';
    }>;
    /**
     * Cloud accounts clusters may be requested in: a credential reference
     * that already exists on the management cluster (never a secret itself),
     * non-secret provider settings, and the allowed regions. Without this key,
     * one `local` account for the Dev provider.
     */
    cloudAccounts?: Array<{
      name: string;
      displayName?: string;
      cloudType:
        | 'aws'
        | 'eks'
        | 'azure'
        | 'aks'
        | 'gcp'
        | 'gke'
        | 'vsphere'
        | 'openstack'
        | 'maas'
        | 'dev';
      /** e.g. `{ kind: AWSClusterRoleIdentity, name: team-apollo }`. */
      credentialRef?: { kind: string; name: string; namespace?: string };
      /** Provider settings, e.g. Azure `subscriptionID`, GCP `project`, vSphere `server`. */
      settings?: { [key: string]: string };
      regions: string[];
    }>;
    /** How clusters are orchestrated. */
    clusters?: {
      /** The management-cluster namespace of the clusters' objects (default `palette-clusters`). */
      namespace?: string;
      /** A cluster not available this long after it was applied is Failed (default 45 minutes). */
      provisioningTimeout?: HumanDuration | string;
      /** An upgrade or scale not finished this long after it was applied is Failed (default 60 minutes). */
      updateTimeout?: HumanDuration | string;
      /** Force deletion is offered once deletion has been stuck this long (default 15 minutes). */
      forceDeleteAfter?: HumanDuration | string;
      /** How often failed or pending clusters are retried and timeouts checked (default 30 seconds). */
      reconcileInterval?: HumanDuration | string;
      /** How often each cluster's live objects are compared with its profile (default 5 minutes). */
      driftCheckInterval?: HumanDuration | string;
      /** How long one backend instance holds a cluster while reconciling it (default 60 seconds). */
      lease?: HumanDuration | string;
    };
    /** Existing clusters imported by kubeconfig. */
    imports?: {
      /** How often every imported cluster is rediscovered and its health checked (default 1 minute). */
      checkInterval?: HumanDuration | string;
      /** How long the API server of a cluster may take to answer one call (default 10 seconds). */
      callTimeout?: HumanDuration | string;
      /** How many imported clusters are checked at once (default 4). */
      concurrency?: number;
    };
    /** Fleet rollouts of profile versions. */
    rollouts?: {
      /** How often the runner moves rollouts on (default 15 seconds). */
      tickInterval?: HumanDuration | string;
      /**
       * Default maintenance windows per environment name (a cluster's own
       * window overrides its environment's); clusters without one may be
       * upgraded at any time. The backend does not start with a window it
       * cannot evaluate.
       */
      maintenanceWindows?: {
        [environment: string]: {
          /** Five-field cron expression of each opening, e.g. `0 2 * * 6`. */
          cron: string;
          /** How long the window stays open (15 minutes to 7 days). */
          durationMinutes: number;
          /** IANA time zone of the cron expression (default UTC). */
          timeZone?: string;
        };
      };
    };
    /**
     * The price model of fleet cost; every part is optional and falls back to
     * the defaults in code (list prices in USD).
     */
    cost?: {
      /** ISO 4217 code, e.g. `USD`. */
      currency?: string;
      /** Public clouds: hourly prices by region and instance type, and storage. */
      aws?: PaletteCostPublicCloud;
      azure?: PaletteCostPublicCloud;
      gcp?: PaletteCostPublicCloud;
      /** Hourly fee of a managed control plane. */
      managedControlPlaneHourly?: { eks?: number; aks?: number; gke?: number };
      /** Private clouds: rates per vCPU-hour, GB-memory-hour and GB-storage-month. */
      private?: {
        vsphere?: PaletteCostPrivateRates;
        openstack?: PaletteCostPrivateRates;
        maas?: PaletteCostPrivateRates;
        dev?: PaletteCostPrivateRates;
      };
      /** Per cloud account: negotiated prices and discounts. */
      accounts?: {
        [account: string]: {
          /** Fraction taken off every price of the account, e.g. 0.2 for 20 % off. */
          discount?: number;
          /** Hourly prices by instance type, over the list for any region. */
          instanceTypes?: { [instanceType: string]: number };
        };
      };
    };
    /** Fleet compliance rules and their evaluation. */
    compliance?: {
      /** How often every live cluster is evaluated (default 1 hour). */
      evaluationInterval?: HumanDuration | string;
      /** How many of the newest Kubernetes minors offered by packs are supported (default 3). */
      supportedMinors?: number;
      /** How many published versions a cluster's profile may lag behind the latest (default 2). */
      maxProfileVersionsBehind?: number;
      /** Environments whose control planes need 3+ replicas or a managed control plane (default `[production]`). */
      highlyAvailableEnvironments?: string[];
      /** A vulnerability scan fails with any critical finding or more high ones than this (default 5). */
      maxHighVulnerabilities?: number;
      /**
       * Add-ons required per environment: any one pack of `anyOf` in the
       * cluster's profiles satisfies one. Default: production requires a
       * policy engine (kyverno or gatekeeper) and monitoring (kube-prometheus-stack).
       */
      requiredAddons?: {
        [environment: string]: Array<{ purpose: string; anyOf: string[] }>;
      };
      /**
       * Collecting scan reports from the workload clusters: scanners
       * (kube-bench, Sonobuoy, Trivy, Grype) leave their JSON report in a
       * labelled ConfigMap (key `report.json`, the label's value naming the
       * tool); the backend reads them with each cluster's admin kubeconfig
       * and records the new ones as uploaded reports are.
       */
      collectScans?: {
        /** Off by default: it reads every running cluster. */
        enabled?: boolean;
        /** How often (default 1 hour). */
        frequency?: HumanDuration | string;
        /** The workload-cluster namespace of the reports (default `palette-scans`). */
        namespace?: string;
        /** The label marking report ConfigMaps (default `palette.io/scan-report`). */
        label?: string;
        /** Clusters read at once (default 4). */
        concurrency?: number;
      };
    };
  };
}

interface PaletteCostPublicCloud {
  /** Used for regions the price list does not have. */
  defaultRegion?: string;
  storagePerGbMonth?: number;
  /** Root disk size assumed per node when pricing storage. */
  nodeDiskGb?: number;
  /** Hourly prices by region, then instance type. */
  regions?: { [region: string]: { [instanceType: string]: number } };
}

interface PaletteCostPrivateRates {
  vcpuHour?: number;
  memoryGbHour?: number;
  storageGbMonth?: number;
}
