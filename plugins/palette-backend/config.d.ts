export interface Config {
  /** Configuration of the Palette backend. */
  palette?: {
    /** Demo data for a first start with the embedded defaults. */
    demoData?: {
      /** Seed the curated demo profiles into an empty database (off in production). */
      seed?: boolean;
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
  };
}
