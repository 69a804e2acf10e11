import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  PALETTE_CLUSTER_RESOURCE_TYPE,
  palettePermissions,
} from '@palette-backstage/plugin-palette-common';
import { grantFor, paletteAccessTable } from './accessTable';

describe('paletteAccessTable', () => {
  it('has one row per Palette permission', () => {
    expect([...paletteAccessTable.keys()].sort()).toEqual(
      palettePermissions.map(p => p.name).sort(),
    );
  });

  it('grants ownClusters only on permissions decided per cluster', () => {
    const perCluster = palettePermissions
      .filter(p =>
        Object.values(paletteAccessTable.get(p.name)!).includes('ownClusters'),
      )
      .map(p => [
        p.name,
        isResourcePermission(p, PALETTE_CLUSTER_RESOURCE_TYPE),
      ]);
    expect(perCluster).toEqual([
      ['palette.cluster.read', true],
      ['palette.cluster.update', true],
      ['palette.cluster.delete', true],
      ['palette.cluster.kubeconfig', true],
    ]);
  });
});

describe('grantFor', () => {
  const rule = { clusterAdmin: 'allow', developer: 'ownClusters' } as const;

  it('prefers allow over ownClusters, whatever the order of the roles', () => {
    expect(grantFor(rule, new Set(['developer', 'clusterAdmin']))).toBe(
      'allow',
    );
  });

  it('gives ownClusters when that is all the roles hold', () => {
    expect(grantFor(rule, new Set(['developer']))).toBe('ownClusters');
  });

  it('gives nothing to roles the rule does not name', () => {
    expect(grantFor(rule, new Set(['fleetReader']))).toBeUndefined();
    expect(grantFor(rule, new Set())).toBeUndefined();
  });

  it('grants signedIn rows to a user without any role', () => {
    expect(grantFor({ signedIn: 'allow' }, new Set())).toBe('allow');
  });
});
