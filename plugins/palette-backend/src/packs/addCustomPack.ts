import type {
  CustomPackInput,
  Pack,
} from '@palette-backstage/plugin-palette-common';
import type { ProfileStore } from '../database/ProfileStore';
import type { PackRegistry } from './PackRegistry';

/**
 * Adds a custom pack to the registry (which validates it: 400, and refuses
 * duplicates: 409) and then stores it (audited by the store); the registry
 * forgets it again if storing fails, so the two never disagree.
 */
export async function addCustomPack(
  deps: { packs: PackRegistry; store: Pick<ProfileStore, 'addCustomPack'> },
  input: CustomPackInput,
  actor: string,
): Promise<Pack> {
  const added = deps.packs.addCustomPack(input);
  try {
    await deps.store.addCustomPack(added, actor);
  } catch (error) {
    deps.packs.removeCustomPack(added.name, added.version);
    throw error;
  }
  return added;
}
