import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** Throws 403 unless the credentials hold a basic (non-resource) permission. */
export async function requireBasic(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`You are not allowed to ${permission.name}`);
  }
}

/**
 * Throws 403 unless the credentials hold a resource permission for this
 * resource; conditional decisions are resolved by the permission backend
 * through the resource type's `getResources`.
 */
export async function requireOnResource(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission,
  resourceRef: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to ${permission.name} on ${resourceRef}`,
    );
  }
}

/**
 * Whether the credentials may read one resource. Routes answer a refusal
 * with 404, as for a missing resource, so that existence stays hidden.
 */
export async function mayRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission,
  resourceRef: string,
): Promise<boolean> {
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef }],
    { credentials },
  );
  return decision.result === AuthorizeResult.ALLOW;
}
