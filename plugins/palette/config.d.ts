export interface Config {
  palette?: {
    /**
     * Sign-in as example users for development and tests: with `enabled`,
     * `?as=<user>` on any portal URL signs in through the backend's
     * `dev-user` provider (which refuses outside development and test).
     */
    devSignIn?: {
      /** @visibility frontend */
      enabled?: boolean;
    };
  };
}
