import { ConfigReader } from '@backstage/config';
import { readRoleMembers, rolesOf } from './roles';
import { testRoles } from './testFixtures';

const configWith = (roles: Record<string, string | string[]>) =>
  new ConfigReader({ palette: { governance: { roles } } });

describe('readRoleMembers', () => {
  it('normalises members to full, lower-case entity refs', () => {
    const members = readRoleMembers(configWith(testRoles));
    expect(
      Object.fromEntries([...members].map(([r, m]) => [r, [...m]])),
    ).toEqual({
      profileAdmin: ['group:default/platform-team', 'user:default/curator'],
      clusterAdmin: ['group:default/platform-team', 'group:default/sre'],
      developer: ['group:default/team-apollo', 'group:default/team-zephyr'],
      fleetReader: ['group:default/leadership'],
    });
  });

  it('has no members when the roles are not configured', () => {
    expect(readRoleMembers(new ConfigReader({})).size).toBe(0);
  });

  it('refuses an unknown role rather than silently granting nothing', () => {
    expect(() =>
      readRoleMembers(configWith({ clusterAdmins: ['group:default/sre'] })),
    ).toThrow(
      "Unknown Palette role 'clusterAdmins' in palette.governance.roles; expected one of profileAdmin, clusterAdmin, developer, fleetReader",
    );
  });

  it('refuses a malformed entity ref, naming where it is', () => {
    expect(() =>
      readRoleMembers(configWith({ developer: ['group:'] })),
    ).toThrow(
      "Invalid entity ref 'group:' in palette.governance.roles.developer",
    );
  });

  it('refuses a role that is not a list of strings', () => {
    expect(() =>
      readRoleMembers(configWith({ developer: 'group:default/team-apollo' })),
    ).toThrow(/developer/);
  });
});

describe('rolesOf', () => {
  const members = readRoleMembers(configWith(testRoles));

  it('gives every role any of the ownership refs is a member of', () => {
    expect(
      rolesOf(members, ['user:default/priya', 'group:default/platform-team']),
    ).toEqual(new Set(['profileAdmin', 'clusterAdmin']));
  });

  it('compares refs case-insensitively', () => {
    expect(rolesOf(members, ['GROUP:default/Team-Apollo'])).toEqual(
      new Set(['developer']),
    );
  });

  it('gives no role to refs that are members of none', () => {
    expect(rolesOf(members, ['user:default/visitor'])).toEqual(new Set());
  });
});
