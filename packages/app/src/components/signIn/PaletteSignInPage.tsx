import { ProxiedSignInPage, SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import { readDevUser } from './devUser';

/**
 * Guest sign-in by default. When `palette.devSignIn.enabled` is set
 * (development and tests only; the backend's `dev-user` provider refuses
 * elsewhere), opening the portal with `?as=<user>` signs in as that catalog
 * user, so the demo and the browser tests can act as different people.
 */
export const PaletteSignInPage = (props: SignInPageProps) => {
  const configApi = useApi(configApiRef);
  const devSignIn =
    configApi.getOptionalBoolean('palette.devSignIn.enabled') ?? false;
  const devUser = devSignIn ? readDevUser(window) : undefined;
  if (devUser) {
    return (
      <ProxiedSignInPage
        {...props}
        provider="dev-user"
        headers={{ 'x-palette-dev-user': devUser }}
      />
    );
  }
  return <SignInPage {...props} auto providers={['guest']} />;
};
