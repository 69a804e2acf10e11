import { fail, pass, Rule } from './outcome';

const upgradeAction = (latest?: string) =>
  latest
    ? `Upgrade to profile version ${latest}`
    : 'Move the cluster to a published profile version';

/** Imported clusters were not built from a profile: nothing to be behind on. */
const NO_PROFILE = pass(
  'Not applicable: the cluster was imported, not built from a profile',
);

export const profileNotDeprecated: Rule = ({ profile }) => {
  if (!profile) return NO_PROFILE;
  const ref = `${profile.name}@${profile.version}`;
  if (!profile.found)
    return fail(
      `Profile version ${ref} is not published`,
      upgradeAction(profile.latestVersion),
    );
  if (profile.deprecated)
    return fail(
      `Profile version ${ref} is deprecated`,
      upgradeAction(profile.latestVersion),
    );
  return pass(`Profile version ${ref} is not deprecated`);
};

export const profileCurrent: Rule = ({ profile }, { settings }) => {
  if (!profile) return NO_PROFILE;
  const ref = `${profile.name}@${profile.version}`;
  const allowed = settings.maxProfileVersionsBehind;
  if (profile.versionsBehind <= allowed)
    return pass(
      profile.versionsBehind === 0
        ? `Profile version ${ref} is the latest`
        : `Profile version ${ref} is ${profile.versionsBehind} version(s) behind (at most ${allowed} allowed)`,
    );
  return fail(
    `Profile version ${ref} is ${profile.versionsBehind} versions behind the latest (at most ${allowed} allowed)`,
    upgradeAction(profile.latestVersion),
  );
};
