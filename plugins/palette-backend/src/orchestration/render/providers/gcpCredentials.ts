import type { RenderContext } from '../context';

/**
 * CAPG's `credentialsRef`: a Secret holding a service account key, by name
 * and namespace (the cluster's unless given); without one CAPG uses its
 * controller's credentials.
 */
export function gcpCredentialsRef(ctx: RenderContext) {
  const ref = ctx.account.credentialRef;
  return ref
    ? { name: ref.name, namespace: ref.namespace ?? ctx.namespace }
    : undefined;
}

export const GCP_PROJECT_SETTING = {
  project: 'the Google Cloud project ID',
} as const;
