import fs from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above this one with a `backstage.json`. */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'backstage.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `no backstage.json above ${from}: not inside the repository`,
      );
    }
    dir = parent;
  }
  return dir;
}

/**
 * The folder of the real Cluster API CRD files that tests validate rendered
 * objects against: `PALETTE_CAPI_CRDS_DIR`, or `shared/capi-crds` beside the
 * repository (`<repo root>/../shared/capi-crds`).
 *
 * It throws when the folder is missing, in CI and elsewhere alike: the tests
 * that need it fail loudly instead of being skipped, because a skipped CRD
 * check would let invalid objects through unnoticed.
 */
export function capiCrdsDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir =
    env.PALETTE_CAPI_CRDS_DIR ??
    path.resolve(repositoryRoot(__dirname), '..', 'shared', 'capi-crds');
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir;
  const where = env.CI ? 'In CI the CRD folder is required. ' : '';
  throw new Error(
    `${where}The Cluster API CRD folder ${dir} does not exist: put the shared/ folder (with capi-crds/) beside the repository, or set PALETTE_CAPI_CRDS_DIR to a folder of Cluster API CRD files.`,
  );
}
