import { PALETTE_ANNOTATIONS } from '@palette-backstage/plugin-palette-common';
import { clusterToEntity } from './clusterToEntity';
import { eksCluster, provisioningCluster } from './testFixtures';
import { expectAcceptedByCatalog } from './__testUtils__/testUtils';

describe('clusterToEntity', () => {
  it('maps every field of a running cluster', async () => {
    const entity = clusterToEntity(eksCluster(), {
      appBaseUrl: 'https://portal.example.com/',
    });

    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'payments-prod',
        namespace: 'default',
        description: 'Payments API, production.',
        tags: ['eks', 'production'],
        annotations: {
          'backstage.io/managed-by-location': 'palette:clusters',
          'backstage.io/managed-by-origin-location': 'palette:clusters',
          'palette.io/cluster': 'payments-prod',
          'palette.io/phase': 'Running',
          'palette.io/profile': 'aws-infra@1.10.0',
          'palette.io/add-on-profiles': 'observability@2.1.0',
          'palette.io/cloud-type': 'eks',
          'palette.io/region': 'eu-west-1',
          'palette.io/environment': 'production',
          'palette.io/kubernetes-version': '1.34.2',
          'palette.io/management-cluster': 'mgmt-eu',
          'kubernetes.io/api-server':
            'https://payments-prod.eks.eu-west-1.amazonaws.com',
        },
        links: [
          {
            url: 'https://portal.example.com/palette/clusters/payments-prod',
            title: 'Open in Palette',
            icon: 'dashboard',
            type: 'palette-cluster',
          },
          {
            url: 'https://portal.example.com/palette/clusters',
            title: 'Palette fleet',
            icon: 'dashboard',
            type: 'palette-fleet',
          },
        ],
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/team-apollo',
        system: 'system:default/payments',
        dependsOn: [
          'resource:default/aws-infra',
          'resource:default/observability',
        ],
      },
    });
    await expectAcceptedByCatalog(entity);
  });

  it('uses the shared annotation keys of palette-common', () => {
    const annotations = clusterToEntity(eksCluster()).metadata.annotations!;
    expect(annotations[PALETTE_ANNOTATIONS.cluster]).toBe('payments-prod');
    expect(annotations[PALETTE_ANNOTATIONS.phase]).toBe('Running');
    expect(annotations[PALETTE_ANNOTATIONS.profile]).toBe('aws-infra@1.10.0');
    expect(annotations[PALETTE_ANNOTATIONS.cloudType]).toBe('eks');
    expect(annotations[PALETTE_ANNOTATIONS.region]).toBe('eu-west-1');
    expect(annotations[PALETTE_ANNOTATIONS.environment]).toBe('production');
    expect(annotations[PALETTE_ANNOTATIONS.kubernetesVersion]).toBe('1.34.2');
    expect(annotations[PALETTE_ANNOTATIONS.managementCluster]).toBe('mgmt-eu');
  });

  it('describes a cluster without a description, API server, add-ons, version or link', async () => {
    const entity = clusterToEntity(provisioningCluster());

    expect(entity.metadata).toEqual({
      name: 'edge-dev',
      namespace: 'default',
      description:
        'Kubernetes cluster on vsphere in dc1 for dev, from profile edge-infra@0.3.0.',
      tags: ['vsphere', 'dev'],
      annotations: {
        'backstage.io/managed-by-location': 'palette:clusters',
        'backstage.io/managed-by-origin-location': 'palette:clusters',
        'palette.io/cluster': 'edge-dev',
        'palette.io/phase': 'Provisioning',
        'palette.io/profile': 'edge-infra@0.3.0',
        'palette.io/cloud-type': 'vsphere',
        'palette.io/region': 'dc1',
        'palette.io/environment': 'dev',
        'palette.io/management-cluster': 'mgmt-onprem',
      },
    });
    expect(entity.spec.dependsOn).toEqual(['resource:default/edge-infra']);
    await expectAcceptedByCatalog(entity);
  });

  it('names the Kubernetes version in a generated description', () => {
    const entity = clusterToEntity(
      eksCluster({ description: undefined, addOnProfiles: [] }),
    );
    expect(entity.metadata.description).toBe(
      'Kubernetes 1.34.2 cluster on eks in eu-west-1 for production, from profile aws-infra@1.10.0.',
    );
    expect(entity.metadata.annotations).not.toHaveProperty(
      'palette.io/add-on-profiles',
    );
  });

  it('gives the Kubernetes plugin what it needs to locate the cluster, when configured', async () => {
    const entity = clusterToEntity(
      eksCluster({ apiServerCertificateAuthority: 'LS0tLS1CRUdJTi==' }),
      {
        kubernetes: {
          authProviders: { eks: 'aws', aks: 'azure' },
          skipMetricsLookup: true,
        },
      },
    );

    expect(entity.metadata.annotations).toMatchObject({
      'kubernetes.io/api-server':
        'https://payments-prod.eks.eu-west-1.amazonaws.com',
      'kubernetes.io/api-server-certificate-authority': 'LS0tLS1CRUdJTi==',
      'kubernetes.io/auth-provider': 'aws',
      'kubernetes.io/skip-metrics-lookup': 'true',
    });
    await expectAcceptedByCatalog(entity);

    const other = clusterToEntity(provisioningCluster(), {
      kubernetes: { authProviders: { eks: 'aws' } },
    });
    expect(
      Object.keys(other.metadata.annotations!).filter(key =>
        key.startsWith('kubernetes.io/'),
      ),
    ).toEqual([]);
  });

  it('sets no auth provider for a cloud type it has none for', () => {
    const entity = clusterToEntity(eksCluster({ provider: 'aws' }), {
      kubernetes: { authProviders: { eks: 'aws' } },
    });
    expect(entity.metadata.annotations).not.toHaveProperty(
      'kubernetes.io/auth-provider',
    );
  });

  it.each([
    ['credentials', 'https://admin:secret@10.0.0.1:6443'],
    ['a non-HTTP scheme', 'tcp://10.0.0.1:6443'],
    ['no URL', 'not a url'],
  ])('leaves out an API server with %s', (_, apiServer) => {
    const entity = clusterToEntity(eksCluster({ apiServer }), {
      kubernetes: { authProviders: { eks: 'aws' } },
    });
    const keys = Object.keys(entity.metadata.annotations!);
    expect(keys.filter(key => key.startsWith('kubernetes.io/'))).toEqual([]);
    expect(JSON.stringify(entity)).not.toContain('secret');
  });

  it('depends on each profile entity once, in the profiles namespace', async () => {
    const entity = clusterToEntity(
      eksCluster({
        addOnProfiles: [
          { name: 'observability', version: '2.1.0' },
          { name: 'aws-infra', version: '1.10.0' },
        ],
      }),
      { namespace: 'fleet', profileNamespace: 'palette' },
    );
    expect(entity.metadata.namespace).toBe('fleet');
    expect(entity.spec.dependsOn).toEqual([
      'resource:palette/aws-infra',
      'resource:palette/observability',
    ]);
    await expectAcceptedByCatalog(entity);
  });

  it('honours the location key and a base URL with a path', () => {
    const entity = clusterToEntity(eksCluster(), {
      locationKey: 'palette:test',
      appBaseUrl: 'http://localhost:3000/portal',
    });
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': 'palette:test',
      'backstage.io/managed-by-origin-location': 'palette:test',
    });
    expect(entity.metadata.links?.map(link => link.url)).toEqual([
      'http://localhost:3000/portal/palette/clusters/payments-prod',
      'http://localhost:3000/portal/palette/clusters',
    ]);
  });
  it('marks imported clusters and depends on no infra profile', async () => {
    const { profile, ...imported } = eksCluster({ description: undefined });
    const entity = clusterToEntity({
      ...imported,
      imported: { mode: 'managed', importedAt: '2026-11-24T10:00:00.000Z' },
    });
    const annotations = entity.metadata.annotations!;
    expect(annotations['palette.io/imported']).toBe('managed');
    expect(annotations).not.toHaveProperty(PALETTE_ANNOTATIONS.profile);
    expect(entity.spec.dependsOn).toEqual(['resource:default/observability']);
    expect(entity.metadata.description).toMatch(/imported managed\.$/);
    await expectAcceptedByCatalog(entity);

    const readOnly = clusterToEntity({
      ...imported,
      addOnProfiles: [],
      imported: { mode: 'read-only', importedAt: '2026-11-24T10:00:00.000Z' },
    });
    expect(readOnly.metadata.annotations!['palette.io/imported']).toBe(
      'read-only',
    );
    expect(readOnly.spec.dependsOn).toEqual([]);
  });
});
