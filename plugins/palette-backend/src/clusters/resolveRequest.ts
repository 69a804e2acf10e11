import {
  CloudAccount,
  ClusterRequest,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { ProfileStore } from '../database';
import { ManagementClusters } from '../management/ManagementClusters';
import { PackRegistry } from '../packs';
import { renderClusterWithMessages } from '../orchestration/render';
import { KubeObject } from '../orchestration/types';
import { resolveAddOnProfiles } from './addOnProfiles';
import { ClusterRecord } from './types';

/** What a request resolves to: the objects to apply, or every problem at once. */
export interface ResolvedRequest {
  messages: ValidationMessage[];
  /** Present when there is no error. */
  objects?: KubeObject[];
  kubernetesVersion?: string;
  provider?: ClusterRecord['provider'];
  managementCluster?: string;
}

/** The dependencies of {@link resolveRequest}. */
export interface ResolveContext {
  profiles: ProfileStore;
  packs: PackRegistry;
  accounts: CloudAccount[];
  managementClusters: ManagementClusters;
  namespace: string;
}

const error = (
  field: string,
  code: string,
  message: string,
): ValidationMessage => ({
  severity: 'error',
  code,
  field,
  message,
});

/**
 * Checks a request against what exists (published profiles, cloud accounts,
 * management clusters) and renders it. `allowDeprecated` lets an existing
 * cluster keep a version that was deprecated after it was created.
 */
export async function resolveRequest(
  request: ClusterRequest,
  ctx: ResolveContext,
  options: {
    allowDeprecated?: (ref: { name: string; version: string }) => boolean;
  } = {},
): Promise<ResolvedRequest> {
  const messages: ValidationMessage[] = [];
  const allowDeprecated = options.allowDeprecated ?? (() => false);

  const managementCluster = ctx.managementClusters.find(
    request.managementCluster,
  );
  if (!managementCluster) {
    messages.push(
      error(
        'managementCluster',
        'managementCluster.unknown',
        `no management cluster named "${
          request.managementCluster
        }" is configured (configured: ${ctx.managementClusters
          .list()
          .map(m => m.name)
          .join(', ')})`,
      ),
    );
  }

  const profile = await ctx.profiles.getVersion(
    request.profile.name,
    request.profile.version,
  );
  if (!profile) {
    messages.push(
      error(
        'profile',
        'profile.unknown',
        `profile "${request.profile.name}" has no published version ${request.profile.version}`,
      ),
    );
  } else {
    if (profile.type === 'add-on') {
      messages.push(
        error(
          'profile',
          'profile.type',
          `"${profile.name}" is an add-on profile: a cluster needs an infra or full profile`,
        ),
      );
    }
    if (profile.deprecated && !allowDeprecated(request.profile)) {
      messages.push(
        error(
          'profile.version',
          'profile.deprecated',
          `version ${profile.version} of "${profile.name}" is deprecated: choose a newer version`,
        ),
      );
    }
  }

  const addOnProfiles = await resolveAddOnProfiles(
    request.addOnProfiles,
    ctx.profiles,
    allowDeprecated,
    messages,
  );

  const account = ctx.accounts.find(a => a.name === request.cloudAccount);
  if (!account) {
    messages.push(
      error(
        'cloudAccount',
        'cloudAccount.unknown',
        `no cloud account named "${request.cloudAccount}" is configured`,
      ),
    );
  }

  if (!profile || !account || messages.some(m => m.severity === 'error')) {
    return { messages };
  }
  const rendered = renderClusterWithMessages({
    request,
    namespace: ctx.namespace,
    profile,
    addOnProfiles,
    packs: ctx.packs,
    cloudAccount: account,
  });
  if (!rendered.ok) return { messages: [...messages, ...rendered.messages] };
  return {
    messages: [...messages, ...rendered.messages],
    objects: rendered.objects,
    kubernetesVersion: rendered.kubernetesVersion,
    provider: account.cloudType,
    managementCluster: managementCluster!.name,
  };
}

/** Whether any message is an error. */
export function hasErrorMessages(messages: ValidationMessage[]): boolean {
  return messages.some(m => m.severity === 'error');
}

/** The error messages as one line, for a 400. */
export function describeMessages(messages: ValidationMessage[]): string {
  return messages
    .filter(m => m.severity === 'error')
    .map(m => `${m.field}: ${m.message}`)
    .join('; ');
}
