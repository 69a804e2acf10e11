import type {
  JsonSchemaSubset,
  Pack,
} from '@palette-backstage/plugin-palette-common';
import { definePack, yamlBlock } from './define';

// OS packs choose the node image family. Cluster API nodes are immutable and
// replaced rather than patched in place, so in-place updates are disabled.
// Pack versions are semver (`24.4.4`); `kind.release` keeps the
// distribution's own spelling (`24.04.4`).

const TIMEZONE_PATTERN = '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$';

function osValuesSchema(
  extra: Record<string, JsonSchemaSubset>,
): JsonSchemaSubset {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      timezone: { type: 'string', pattern: TIMEZONE_PATTERN },
      ntp: {
        type: 'object',
        additionalProperties: false,
        properties: {
          enabled: { type: 'boolean' },
          servers: {
            type: 'array',
            items: { type: 'string', pattern: '^[A-Za-z0-9.-]+$' },
          },
        },
      },
      ...extra,
    },
  };
}

const ubuntuValues = yamlBlock`
  timezone: Etc/UTC
  ntp:
    enabled: true
    servers:
      - ntp.ubuntu.com
  unattendedUpgrades: false
`;

const ubuntu = definePack(
  {
    name: 'ubuntu',
    displayName: 'Ubuntu LTS',
    description:
      'Canonical Ubuntu LTS node images (Cluster API image-builder images on IaaS; the Ubuntu node image of the managed services).',
    layer: 'os',
    cloudTypes: [
      'aws',
      'eks',
      'azure',
      'aks',
      'gcp',
      'gke',
      'vsphere',
      'openstack',
      'maas',
      'dev',
    ],
    defaultValues: ubuntuValues,
    valuesSchema: osValuesSchema({ unattendedUpgrades: { type: 'boolean' } }),
    installPriority: 0,
    constraints: { minNodeCpu: 1, minNodeMemoryMiB: 1024 },
    homepage: 'https://ubuntu.com/server',
  },
  [
    {
      version: '22.4.5',
      kind: { type: 'os', distribution: 'ubuntu', release: '22.04.5' },
      displayName: 'Ubuntu 22.04 LTS (Jammy Jellyfish)',
    },
    {
      version: '24.4.3',
      kind: { type: 'os', distribution: 'ubuntu', release: '24.04.3' },
      displayName: 'Ubuntu 24.04 LTS (Noble Numbat)',
    },
    {
      version: '24.4.4',
      kind: { type: 'os', distribution: 'ubuntu', release: '24.04.4' },
      displayName: 'Ubuntu 24.04 LTS (Noble Numbat)',
    },
  ],
);

const flatcar = definePack(
  {
    name: 'flatcar',
    displayName: 'Flatcar Container Linux',
    description:
      'Immutable, container-optimised Linux from the Flatcar stable channel, configured with Ignition.',
    layer: 'os',
    cloudTypes: ['aws', 'azure', 'gcp', 'vsphere', 'openstack'],
    defaultValues: yamlBlock`
      timezone: Etc/UTC
      ntp:
        enabled: true
        servers:
          - 0.flatcar.pool.ntp.org
      updates:
        rebootStrategy: "off"
    `,
    valuesSchema: osValuesSchema({
      updates: {
        type: 'object',
        additionalProperties: false,
        properties: {
          rebootStrategy: {
            type: 'string',
            enum: ['off', 'reboot', 'etcd-lock'],
          },
        },
      },
    }),
    installPriority: 0,
    constraints: { minNodeCpu: 1, minNodeMemoryMiB: 1024 },
    homepage: 'https://www.flatcar.org',
  },
  [
    {
      version: '4230.2.0',
      kind: { type: 'os', distribution: 'flatcar', release: '4230.2.0' },
    },
    {
      version: '4459.2.4',
      kind: { type: 'os', distribution: 'flatcar', release: '4459.2.4' },
    },
  ],
);

const rhel = definePack(
  {
    name: 'rhel',
    displayName: 'Red Hat Enterprise Linux 9',
    description:
      'RHEL 9 node images built with Cluster API image-builder; nodes register with Red Hat Subscription Management at boot.',
    layer: 'os',
    cloudTypes: ['aws', 'azure', 'gcp', 'vsphere', 'openstack', 'maas'],
    defaultValues: yamlBlock`
      timezone: Etc/UTC
      ntp:
        enabled: true
        servers:
          - 0.rhel.pool.ntp.org
      subscription:
        organizationId: ""
        activationKey: ""
    `,
    valuesSchema: osValuesSchema({
      subscription: {
        type: 'object',
        additionalProperties: false,
        properties: {
          organizationId: { type: 'string', pattern: '^[0-9]*$' },
          activationKey: { type: 'string' },
        },
      },
    }),
    installPriority: 0,
    constraints: { minNodeCpu: 1, minNodeMemoryMiB: 1536 },
    homepage:
      'https://www.redhat.com/en/technologies/linux-platforms/enterprise-linux',
  },
  [
    {
      version: '9.6.0',
      kind: { type: 'os', distribution: 'rhel', release: '9.6' },
    },
    {
      version: '9.7.0',
      kind: { type: 'os', distribution: 'rhel', release: '9.7' },
    },
  ],
);

/**
 * The curated OS packs.
 *
 * @public
 */
export const OS_PACKS: readonly Pack[] = [...ubuntu, ...flatcar, ...rhel];
