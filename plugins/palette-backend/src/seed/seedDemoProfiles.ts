import { LoggerService } from '@backstage/backend-plugin-api';
import { compareSemver } from '@palette-backstage/plugin-palette-common';
import { ProfileStore } from '../database';
import { PackRegistry } from '../packs';
import { DEMO_PROFILE_VERSIONS, hasErrors, validateProfile } from '../profiles';

/** Who the audit log names for seeded demo data. */
export const DEMO_SEED_ACTOR = 'service:palette-demo-seed';
const DEMO_OWNER = 'group:default/platform-team';

/**
 * Seeds the curated demo profiles on a first start with the embedded
 * defaults (`palette.demoData.seed: true`): only into an empty store, and
 * through the same steps as the API (validate, create, save the draft,
 * publish each version in order), so the audit log shows them too.
 */
export async function seedDemoProfiles(
  store: ProfileStore,
  packs: PackRegistry,
  logger: LoggerService,
): Promise<number> {
  const { totalCount } = await store.listProfiles({ limit: 1 });
  if (totalCount > 0) return 0;
  const byName = new Map<string, (typeof DEMO_PROFILE_VERSIONS)[number][]>();
  for (const version of DEMO_PROFILE_VERSIONS) {
    byName.set(version.name, [...(byName.get(version.name) ?? []), version]);
  }
  let seeded = 0;
  for (const [name, versions] of byName) {
    const ordered = [...versions].sort((a, b) =>
      compareSemver(a.version, b.version),
    );
    const first = ordered[0];
    await store.createProfile(
      {
        name,
        displayName: first.displayName,
        description: first.description,
        type: first.type,
        cloudType: first.cloudType,
        owner: DEMO_OWNER,
        tags: ['demo', first.cloudType],
      },
      DEMO_SEED_ACTOR,
    );
    for (const version of ordered) {
      const messages = validateProfile(version, packs);
      if (hasErrors(messages)) {
        logger.warn(
          `Demo profile ${name}@${version.version} is not valid and was not published: ${messages[0].message}`,
        );
        break;
      }
      await store.saveDraft(
        name,
        { layers: version.layers, variables: version.variables ?? [] },
        DEMO_SEED_ACTOR,
      );
      await store.publish(
        name,
        { version: version.version, changeNote: version.changeNote },
        DEMO_SEED_ACTOR,
      );
    }
    seeded++;
  }
  logger.info(`Seeded ${seeded} demo cluster profiles`);
  return seeded;
}
