import { identityApiRef, useApiHolder } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** Who is signed in: their user entity ref and what they own or belong to. */
export interface SignedInUser {
  userEntityRef: string;
  /** The user and their groups, e.g. `group:default/platform-team`. */
  ownershipEntityRefs: string[];
}

/**
 * The signed-in user, once known; `undefined` while loading and in apps
 * without an identity API.
 */
export function useSignedInUser(): { loading: boolean; user?: SignedInUser } {
  const identityApi = useApiHolder().get(identityApiRef);
  const { value, loading } = useAsync(async () => {
    if (!identityApi) return undefined;
    const identity = await identityApi.getBackstageIdentity();
    return {
      userEntityRef: identity.userEntityRef,
      ownershipEntityRefs: identity.ownershipEntityRefs,
    };
  }, [identityApi]);
  return { loading, user: value };
}

/** Whether two entity refs name the same entity (refs compare case-insensitively). */
export const sameEntityRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
