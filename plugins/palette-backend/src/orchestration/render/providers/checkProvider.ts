import type { RenderContext } from '../context';
import { setting } from '../context';
import type { ProviderRenderer } from './types';

/** The cloud account's credential reference (kind, presence) and required settings. */
function checkAccount(ctx: RenderContext, provider: ProviderRenderer): void {
  const { account, messages } = ctx;
  const ref = account.credentialRef;
  if (!ref && provider.credentialRequired) {
    messages.error(
      'cloudAccount.credentialRef',
      'cloudAccount',
      `cloud account "${account.name}" has no credentialRef; ${
        provider.displayName
      } needs one (${provider.credentialKinds.join(' or ')})`,
    );
  } else if (ref && provider.credentialKinds.length === 0) {
    messages.info(
      'cloudAccount.credentialRef',
      'cloudAccount',
      `${provider.displayName} uses the credentials of its controller; the credentialRef of cloud account "${account.name}" is not used`,
    );
  } else if (ref && !provider.credentialKinds.includes(ref.kind)) {
    messages.error(
      'cloudAccount.credentialRef',
      'cloudAccount',
      `cloud account "${account.name}" references a ${ref.kind}; ${
        provider.displayName
      } takes a ${provider.credentialKinds.join(' or ')}`,
    );
  }

  for (const [key, meaning] of Object.entries(
    provider.requiredSettings ?? {},
  )) {
    if (setting(ctx, key) === undefined) {
      messages.error(
        'cloudAccount.settings',
        'cloudAccount',
        `cloud account "${account.name}" lacks the setting "${key}" (${meaning})`,
      );
    }
  }
}

/**
 * What every provider checks the same way: the cloud account's credential
 * reference and required settings (when the account is for this provider
 * at all), and the control plane fields a managed service ignores; then the
 * provider's own checks.
 */
export function checkProvider(
  ctx: RenderContext,
  provider: ProviderRenderer,
): void {
  const { request, messages } = ctx;
  // An account of another provider is reported already; its credentials
  // and settings would only add noise.
  if (ctx.account.cloudType === provider.cloudType) {
    checkAccount(ctx, provider);
  }
  if (provider.managedControlPlane) {
    messages.info(
      'controlPlane.managed',
      'controlPlane.replicas',
      `${provider.displayName} runs the control plane; the requested ${request.controlPlane.replicas} replica(s) are ignored`,
    );
    if (request.controlPlane.instanceType) {
      messages.info(
        'controlPlane.managed',
        'controlPlane.instanceType',
        `${provider.displayName} runs the control plane; its instance type is ignored`,
      );
    }
  }
  provider.validate?.(ctx);
}
