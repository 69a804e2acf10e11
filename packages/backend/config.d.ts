export interface Config {
  palette?: {
    /** Who may do what in the Palette suite; read by the portal's permission policy. */
    governance?: {
      /**
       * The members of each Palette role, as entity refs matched against a
       * signed-in user's ownership refs (the user and their groups), case
       * insensitively. The kind defaults to `group` and the namespace to
       * `default`, so `team-apollo` means `group:default/team-apollo`.
       * A role left out has no members. See the README, "Roles and permissions".
       */
      roles?: {
        /** Curate cluster profiles and the pack registry. */
        profileAdmin?: string[];
        /** Run every cluster, approve requests and manage governance policies. */
        clusterAdmin?: string[];
        /** Request clusters and run the clusters their groups own. */
        developer?: string[];
        /** Read every cluster, fleet cost and compliance, and the audit log. */
        fleetReader?: string[];
      };
    };
  };
}
