import {
  compareSemver,
  isValidSemver,
  Pack,
} from '@palette-backstage/plugin-palette-common';
import { PackRegistry } from '../../packs';

/** The version text compared: a leading `v` and a build suffix dropped. */
const comparable = (version: string) =>
  version.replace(/^v/, '').match(/^\d+\.\d+\.\d+/)?.[0];

/**
 * Among pack versions, the one whose `versionOf` is nearest to the
 * discovered version without being above it; the lowest one when every
 * version is above (then `above` is true, for a review note).
 */
export function nearestNotAbove(
  candidates: Pack[],
  discovered: string | undefined,
  versionOf: (pack: Pack) => string = p => p.version,
): { pack: Pack; exact: boolean; above: boolean } | undefined {
  const usable = candidates
    .filter(p => isValidSemver(comparable(versionOf(p)) ?? ''))
    .sort((a, b) =>
      compareSemver(comparable(versionOf(a))!, comparable(versionOf(b))!),
    );
  if (!usable.length) return undefined;
  const target = discovered ? comparable(discovered) : undefined;
  if (!target || !isValidSemver(target))
    return { pack: usable[usable.length - 1], exact: false, above: false };
  const notAbove = usable.filter(
    p => compareSemver(comparable(versionOf(p))!, target) <= 0,
  );
  const pack = notAbove[notAbove.length - 1];
  if (!pack) return { pack: usable[0], exact: false, above: true };
  return {
    pack,
    exact: compareSemver(comparable(versionOf(pack))!, target) === 0,
    above: false,
  };
}

/** The packs that are not deprecated, or all of them when every one is. */
export function preferCurrent(packs: Pack[]): Pack[] {
  const current = packs.filter(p => !p.deprecated);
  return current.length ? current : packs;
}

/** Every version of the named packs, deprecated ones left out when others exist. */
export function versionsOf(packs: PackRegistry, names: string[]): Pack[] {
  return preferCurrent(
    names.flatMap(name => packs.versions(name).map(v => packs.get(name, v)!)),
  );
}

/** A note for a pack chosen although deprecated (nothing current matched). */
export const deprecatedNote = (pack: Pack) =>
  pack.deprecated
    ? `${pack.name}@${pack.version} is deprecated in the registry`
    : undefined;
