export interface Config {
  /** Configuration of the Palette backend. */
  palette?: {
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
    }>;
  };
}
