import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The provider id, so the config key is `auth.providers.dev-user`. */
export const DEV_USER_PROVIDER_ID = 'dev-user';
const DEFAULT_HEADER = 'x-palette-dev-user';
const USER_NAME = /^[a-z0-9]([-a-z0-9._]{0,61}[a-z0-9])?$/i;

/**
 * Signs in as any user of the catalog named by a request header, as a trusted
 * authenticating proxy would. It exists so that the demo and the tests can act
 * as different users through the real auth backend (tokens, ownership, the
 * permission policy) without an identity provider.
 *
 * It is refused outside development and test (NODE_ENV) unless
 * `dangerouslyAllowOutsideDevelopment` is set, and does nothing unless
 * `auth.providers.dev-user` is configured. Only users that exist in the
 * catalog can sign in; there is no fallback identity.
 */
export const devUserAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { userName: string }) => ({
    profile: { displayName: result.userName },
  }),
  initialize({ config }) {
    return {
      allowOutsideDevelopment:
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
        true,
      header: (
        config.getOptionalString('header') ?? DEFAULT_HEADER
      ).toLowerCase(),
    };
  },
  async authenticate({ req }, { allowOutsideDevelopment, header }) {
    const development = ['development', 'test'].includes(
      process.env.NODE_ENV ?? '',
    );
    if (!development && !allowOutsideDevelopment) {
      throw new NotAllowedError(
        `The ${DEV_USER_PROVIDER_ID} provider is for development and tests only; set auth.providers.${DEV_USER_PROVIDER_ID}.dangerouslyAllowOutsideDevelopment to use it elsewhere`,
      );
    }
    const userName = req.get(header);
    if (!userName) throw new AuthenticationError(`Missing ${header} header`);
    if (!USER_NAME.test(userName))
      throw new AuthenticationError(`Invalid user name in ${header} header`);
    return { result: { userName } };
  },
});

/** Registers the `dev-user` sign-in provider with the auth backend. */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'dev-user-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: DEV_USER_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: devUserAuthenticator,
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: { name: result.userName },
              });
            },
          }),
        });
      },
    });
  },
});
