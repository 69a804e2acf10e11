import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the real Cluster API CRD files are by default: the `shared/capi-crds`
 * folder beside the repository (the repository root's sibling `shared/`).
 */
export const defaultCapiCrdsDir = path.resolve(
  __dirname,
  '../../../../../../shared/capi-crds',
);

/**
 * Test helper: the folder of the real Cluster API CRD files,
 * `PALETTE_CAPI_CRDS_DIR` or else {@link defaultCapiCrdsDir}.
 *
 * When the folder is missing it throws if `CI` is set, so that a CI run fails
 * with a clear message instead of silently skipping; elsewhere it warns and
 * returns `undefined`, for the caller to skip its tests:
 *
 * ```ts
 * const crdsDir = findCapiCrdsDir();
 * const describeWithCrds = crdsDir ? describe : describe.skip;
 * ```
 */
export function findCapiCrdsDir(
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const dir = env.PALETTE_CAPI_CRDS_DIR ?? defaultCapiCrdsDir;
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir;
  const message =
    `The Cluster API CRD folder ${dir} does not exist. Put the shared/ folder ` +
    'beside the repository or set PALETTE_CAPI_CRDS_DIR.';
  if (env.CI) throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`${message} Skipping the tests that need it.`);
  return undefined;
}
