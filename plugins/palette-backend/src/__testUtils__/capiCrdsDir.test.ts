import fs from 'node:fs';
import path from 'node:path';
import { capiCrdsDir } from './capiCrdsDir';

describe('capiCrdsDir', () => {
  it('finds shared/capi-crds beside the repository', () => {
    const dir = capiCrdsDir({});
    expect(path.basename(dir)).toBe('capi-crds');
    expect(fs.readdirSync(dir)).toContain('cluster-api');
  });

  it('takes PALETTE_CAPI_CRDS_DIR when set', () => {
    const dir = capiCrdsDir({});
    expect(capiCrdsDir({ PALETTE_CAPI_CRDS_DIR: dir })).toBe(dir);
  });

  it('fails loudly when the folder is missing, with the CI requirement in CI', () => {
    const missing = path.join(__dirname, 'no-such-folder');
    expect(() => capiCrdsDir({ PALETTE_CAPI_CRDS_DIR: missing })).toThrow(
      `The Cluster API CRD folder ${missing} does not exist`,
    );
    expect(() =>
      capiCrdsDir({ PALETTE_CAPI_CRDS_DIR: missing, CI: 'true' }),
    ).toThrow(/^In CI the CRD folder is required\./);
  });
});
