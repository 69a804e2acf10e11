import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCapiCrdsDir, findCapiCrdsDir } from './capiCrdsDir';

describe('findCapiCrdsDir', () => {
  const missing = path.join(os.tmpdir(), 'no-such-capi-crds-folder');

  it('defaults to shared/capi-crds beside the repository', () => {
    const repoRoot = path.resolve(__dirname, '../../../../..');
    expect(
      fs.existsSync(path.join(repoRoot, 'packages', 'capi-simulator')),
    ).toBe(true);
    expect(defaultCapiCrdsDir).toBe(
      path.join(path.dirname(repoRoot), 'shared', 'capi-crds'),
    );
  });

  it('returns the folder PALETTE_CAPI_CRDS_DIR names when it exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-crds-'));
    try {
      expect(findCapiCrdsDir({ PALETTE_CAPI_CRDS_DIR: dir, CI: 'true' })).toBe(
        dir,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with a clear message in CI when the folder is missing', () => {
    expect(() =>
      findCapiCrdsDir({ CI: 'true', PALETTE_CAPI_CRDS_DIR: missing }),
    ).toThrow(
      `The Cluster API CRD folder ${missing} does not exist. Put the shared/ folder beside the repository or set PALETTE_CAPI_CRDS_DIR.`,
    );
  });

  it('warns and returns undefined outside CI when the folder is missing', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(
        findCapiCrdsDir({ PALETTE_CAPI_CRDS_DIR: missing }),
      ).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(missing));
    } finally {
      warn.mockRestore();
    }
  });
});
