import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  createProfileRequestSchema,
  deprecateRequestSchema,
  listProfilesQuerySchema,
  paletteProfileCreatePermission,
  paletteProfileDeletePermission,
  paletteProfilePublishPermission,
  paletteProfileReadPermission,
  paletteProfileUpdatePermission,
  ProfileDetails,
  ProfileDraft,
  ProfileUsage,
  publishRequestSchema,
  saveDraftRequestSchema,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import express, { Request } from 'express';
import { ProfileStore } from '../database/ProfileStore';
import { PackRegistry } from '../packs';
import { paletteProfileResourceRef } from '../permissions/profilePermissionRules';
import {
  diffProfileVersions,
  exportProfileVersion,
  hasErrors,
  parseProfileImport,
  validateProfile,
} from '../profiles';
import { audited as auditMutation } from './audited';
import { mayRead, requireBasic, requireOnResource } from './authorization';
import { parseInput } from './parseInput';

export interface ProfileRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  auditor: AuditorService;
  store: ProfileStore;
  packs: PackRegistry;
  /** Called after every change of a profile, e.g. to update the catalog. */
  onProfileChanged(name: string): Promise<void>;
  /** Names of (some of) the live clusters that run a profile, or one version of it. */
  clustersUsingProfile(name: string, version?: string): Promise<string[]>;
  /** Live clusters per version of the profile (fleet totals); the usage route is absent without it. */
  profileUsage?(profile: ProfileDetails): Promise<ProfileUsage>;
}

/** Who acted, as the audit log records it. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.type === 'user'
    ? principal.userEntityRef!
    : `service:${principal.subject ?? 'unknown'}`;
}

/** The profile as a draft with the given layers and variables, for validation and diffs. */
function withLayers(
  profile: ProfileDetails,
  layers: ProfileDraft['layers'],
  variables: ProfileDraft['variables'],
): ProfileDraft {
  const { name, displayName, description, type, cloudType } = profile;
  return { name, displayName, description, type, cloudType, layers, variables };
}

function draftOf(profile: ProfileDetails): ProfileDraft {
  if (!profile.draft) {
    throw new ConflictError(
      `Profile "${profile.name}" has no draft: create one from a version first`,
    );
  }
  return withLayers(profile, profile.draft.layers, profile.draft.variables);
}

function describeErrors(messages: ValidationMessage[]): string {
  return messages
    .filter(m => m.severity === 'error')
    .map(
      m =>
        `${m.layer !== undefined ? `layer ${m.layer}, ` : ''}${m.field}: ${
          m.message
        }`,
    )
    .join('; ');
}

/** The profile routes: packs, profiles, drafts, versions, diff, export and import. */
export function registerProfileRoutes(
  router: express.Router,
  options: ProfileRouteOptions,
) {
  const {
    httpAuth,
    permissions,
    permissionsRegistry,
    auditor,
    store,
    packs,
    onProfileChanged,
  } = options;
  const toFilter = createConditionTransformer(
    permissionsRegistry.getPermissionRuleset(paletteProfileResourceRef),
  );

  async function readable(
    req: Request,
    name: string,
    credentials?: BackstageCredentials,
  ): Promise<ProfileDetails> {
    const creds = credentials ?? (await httpAuth.credentials(req));
    const profile = await store.getProfile(name);
    // Without read access a profile is indistinguishable from a missing one.
    if (
      profile &&
      (await mayRead(permissions, creds, paletteProfileReadPermission, name))
    )
      return profile;
    throw new NotFoundError(`No profile named "${name}"`);
  }

  /** A change by a user to the profile named in the path: who, which profile, and that they may. */
  async function changeRequest(req: Request, permission: ResourcePermission) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const profile = await readable(req, req.params.name, credentials);
    await requireOnResource(permissions, credentials, permission, profile.name);
    return { profile, actor: actorOf(credentials) };
  }

  /** A profile (version) that clusters run cannot be deleted: they would lose their definition. */
  async function refuseIfInUse(name: string, version?: string) {
    const clusters = await options.clustersUsingProfile(name, version);
    if (clusters.length) {
      throw new ConflictError(
        `${
          version ? `Version ${version} of "${name}"` : `Profile "${name}"`
        } is used by clusters (${clusters.join(
          ', ',
        )}): upgrade or delete them first`,
      );
    }
  }

  const audited = <T>(
    req: Request,
    action: string,
    target: string,
    fn: () => Promise<T>,
  ) => auditMutation(auditor, req, 'profile-change', { action, target }, fn);

  router.get('/profiles', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = parseInput(listProfilesQuerySchema, req.query, 'query');
    const [decision] = await permissions.authorizeConditional(
      [{ permission: paletteProfileReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY)
      throw new NotAllowedError('You are not allowed to read cluster profiles');
    const filter =
      decision.result === AuthorizeResult.CONDITIONAL
        ? toFilter(decision.conditions)
        : undefined;
    res.json(await store.listProfiles({ ...query, filter }));
  });

  router.post('/profiles', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requireBasic(
      permissions,
      credentials,
      paletteProfileCreatePermission,
    );
    const input = parseInput(createProfileRequestSchema, req.body);
    const messages = validateProfile(input, packs);
    await audited(req, 'profile.create', `profile:${input.name}`, () =>
      store.createProfile(input, actorOf(credentials)),
    );
    await onProfileChanged(input.name);
    res.status(201).json({ ...(await store.getProfile(input.name)), messages });
  });

  router.post(
    '/profiles/import',
    express.text({
      type: ['application/yaml', 'text/yaml', 'text/plain'],
      limit: '1mb',
    }),
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await requireBasic(
        permissions,
        credentials,
        paletteProfileCreatePermission,
      );
      if (typeof req.body !== 'string' || !req.body.trim())
        throw new InputError(
          'Send the profile as YAML (content-type application/yaml)',
        );
      const imported = parseProfileImport(req.body);
      if (!imported.ok)
        throw new InputError(
          `The profile document is not valid: ${describeErrors(
            imported.errors,
          )}`,
        );
      const { draft } = imported;
      if (await store.getProfile(draft.name)) {
        throw new ConflictError(
          `A profile named "${draft.name}" already exists: import it under another name or publish a new version of it`,
        );
      }
      // The document carries no ownership: the importer names the owning group.
      const owner =
        typeof req.query.owner === 'string' ? req.query.owner : undefined;
      if (!owner)
        throw new InputError('owner is required: ?owner=group:default/<team>');
      const messages = validateProfile(draft, packs);
      await audited(req, 'profile.import', `profile:${draft.name}`, () =>
        store.createProfile(
          {
            ...draft,
            owner,
            layers: draft.layers,
            variables: draft.variables ?? [],
          },
          actorOf(credentials),
        ),
      );
      await onProfileChanged(draft.name);
      res.status(201).json({
        ...(await store.getProfile(draft.name)),
        messages: [...imported.messages, ...messages],
      });
    },
  );

  router.get('/profiles/:name', async (req, res) => {
    res.json(await readable(req, req.params.name));
  });

  if (options.profileUsage) {
    const profileUsage = options.profileUsage;
    // Fleet totals, as the in-use checks of the other profile routes count.
    router.get('/profiles/:name/usage', async (req, res) => {
      res.json(await profileUsage(await readable(req, req.params.name)));
    });
  }

  router.put('/profiles/:name/draft', async (req, res) => {
    const { profile, actor } = await changeRequest(
      req,
      paletteProfileUpdatePermission,
    );
    const input = parseInput(saveDraftRequestSchema, req.body);
    const messages = validateProfile(
      withLayers(profile, input.layers, input.variables),
      packs,
    );
    await audited(req, 'profile.draft.save', `profile:${profile.name}`, () =>
      store.saveDraft(
        profile.name,
        {
          layers: input.layers,
          variables: input.variables,
          baseVersion: profile.draft?.baseVersion,
        },
        actor,
      ),
    );
    res.json({ profile: await store.getProfile(profile.name), messages });
  });

  router.post('/profiles/:name/validate', async (req, res) => {
    const profile = await readable(req, req.params.name);
    res.json({ messages: validateProfile(draftOf(profile), packs) });
  });

  router.post('/profiles/:name/publish', async (req, res) => {
    const { profile, actor } = await changeRequest(
      req,
      paletteProfilePublishPermission,
    );
    const input = parseInput(publishRequestSchema, req.body);
    const messages = validateProfile(draftOf(profile), packs);
    if (hasErrors(messages))
      throw new InputError(
        `The draft of "${profile.name}" is not valid: ${describeErrors(
          messages,
        )}`,
      );
    await audited(
      req,
      'profile.publish',
      `profile:${profile.name}@${input.version}`,
      () => store.publish(profile.name, input, actor),
    );
    await onProfileChanged(profile.name);
    res.json(await store.getProfile(profile.name));
  });

  router.post(
    '/profiles/:name/versions/:version/deprecate',
    async (req, res) => {
      const { profile, actor } = await changeRequest(
        req,
        paletteProfilePublishPermission,
      );
      const { deprecated } = parseInput(deprecateRequestSchema, req.body ?? {});
      await audited(
        req,
        deprecated ? 'profile.deprecate' : 'profile.undeprecate',
        `profile:${profile.name}@${req.params.version}`,
        () =>
          store.setDeprecated(
            profile.name,
            req.params.version,
            deprecated,
            actor,
          ),
      );
      await onProfileChanged(profile.name);
      res.json(await store.getProfile(profile.name));
    },
  );

  router.delete('/profiles/:name/versions/:version', async (req, res) => {
    const { profile, actor } = await changeRequest(
      req,
      paletteProfileDeletePermission,
    );
    await refuseIfInUse(profile.name, req.params.version);
    await audited(
      req,
      'profile.version.delete',
      `profile:${profile.name}@${req.params.version}`,
      () => store.deleteVersion(profile.name, req.params.version, actor),
    );
    await onProfileChanged(profile.name);
    res.status(204).end();
  });

  router.delete('/profiles/:name', async (req, res) => {
    const { profile, actor } = await changeRequest(
      req,
      paletteProfileDeletePermission,
    );
    await refuseIfInUse(profile.name);
    await audited(req, 'profile.delete', `profile:${profile.name}`, () =>
      store.deleteProfile(profile.name, actor),
    );
    await onProfileChanged(profile.name);
    res.status(204).end();
  });

  router.get('/profiles/:name/versions/:version', async (req, res) => {
    const profile = await readable(req, req.params.name);
    const version = await store.getVersion(profile.name, req.params.version);
    if (!version)
      throw new NotFoundError(
        `Profile "${profile.name}" has no version ${req.params.version}`,
      );
    res.json(version);
  });

  router.get('/profiles/:name/diff', async (req, res) => {
    const profile = await readable(req, req.params.name);
    const { from, to } = req.query as Record<string, string | undefined>;
    if (!from || !to)
      throw new InputError(
        'Both from and to are required (a version, or "draft")',
      );
    const side = async (v: string) => {
      if (v === 'draft') return { ...draftOf(profile), version: undefined };
      const found = await store.getVersion(profile.name, v);
      if (!found)
        throw new NotFoundError(
          `Profile "${profile.name}" has no version ${v}`,
        );
      return found;
    };
    const layerOf = (packName: string, packVersion: string) =>
      packs.get(packName, packVersion)?.layer;
    res.json(
      diffProfileVersions(await side(from), await side(to), { layerOf }),
    );
  });

  router.get('/profiles/:name/versions/:version/export', async (req, res) => {
    const profile = await readable(req, req.params.name);
    const version = await store.getVersion(profile.name, req.params.version);
    if (!version)
      throw new NotFoundError(
        `Profile "${profile.name}" has no version ${req.params.version}`,
      );
    // Set after attachment(): express would otherwise guess text/yaml from the file name.
    res.attachment(`${profile.name}-${version.version}.yaml`);
    res.setHeader('content-type', 'application/yaml; charset=utf-8');
    res.send(exportProfileVersion(version));
  });
}
