import { identityApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { useEffect } from 'react';

/**
 * Offers the signed-in user's first group (e.g. `group:default/platform-team`)
 * as the owner of what they create, once `active`; `apply` receives it.
 */
export function useDefaultOwner(
  active: boolean,
  apply: (group: string) => void,
) {
  const identityApi = useApiHolder().get(identityApiRef);
  useEffect(() => {
    if (!active || !identityApi) return undefined;
    let cancelled = false;
    identityApi
      .getBackstageIdentity()
      .then(identity => {
        const group = identity.ownershipEntityRefs.find(ref =>
          ref.startsWith('group:'),
        );
        if (!cancelled && group) apply(group);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
    // `apply` is a setter; asking again when it changes is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, identityApi]);
}
