import type { RenderContext } from '../context';

/** The identity kinds CAPA's `identityRef` accepts (AWS and EKS). */
export const AWS_IDENTITY_KINDS = [
  'AWSClusterRoleIdentity',
  'AWSClusterStaticIdentity',
  'AWSClusterControllerIdentity',
] as const;

/**
 * CAPA's `identityRef`: the cloud account's identity (cluster-scoped, so no
 * namespace); without one CAPA uses its controller's credentials.
 */
export function awsIdentityRef(ctx: RenderContext) {
  const ref = ctx.account.credentialRef;
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}
