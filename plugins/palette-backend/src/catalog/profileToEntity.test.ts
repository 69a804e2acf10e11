import { PALETTE_ANNOTATIONS } from '@palette-backstage/plugin-palette-common';
import { PALETTE_PROFILE_ANNOTATIONS } from './constants';
import { profileToEntity } from './profileToEntity';
import { awsInfraProfile, draftOnlyProfile } from './testFixtures';
import { expectAcceptedByCatalog } from './__testUtils__/testUtils';

describe('profileToEntity', () => {
  it('maps every field of a published profile', async () => {
    const entity = profileToEntity(awsInfraProfile(), {
      locationKey: 'palette:profiles',
      appBaseUrl: 'https://portal.example.com/',
    });

    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'aws-infra',
        namespace: 'default',
        title: 'AWS infrastructure',
        description: 'Ubuntu, kubeadm, Cilium and the EBS CSI driver on AWS.',
        tags: ['aws', 'production'],
        annotations: {
          'backstage.io/managed-by-location': 'palette:profiles',
          'backstage.io/managed-by-origin-location': 'palette:profiles',
          'palette.io/latest-version': '1.10.0',
          'palette.io/versions': '1.10.0,1.9.0,1.2.0,1.0.0',
          'palette.io/deprecated-versions': '1.2.0,1.0.0',
          'palette.io/cloud-type': 'aws',
          'palette.io/profile-type': 'infra',
          'palette.io/layers':
            'ubuntu@24.4.4, kubeadm@1.34.2, cilium@1.18.2, aws-ebs-csi@1.48.0',
        },
        links: [
          {
            url: 'https://portal.example.com/palette/profiles/aws-infra',
            title: 'Open in Palette',
            icon: 'dashboard',
            type: 'palette-profile',
          },
        ],
      },
      spec: {
        type: 'cluster-profile',
        owner: 'group:default/platform-team',
      },
    });
    await expectAcceptedByCatalog(entity);
  });

  it('uses the shared annotation keys of palette-common', () => {
    const annotations = profileToEntity(awsInfraProfile()).metadata
      .annotations!;
    expect(annotations[PALETTE_ANNOTATIONS.cloudType]).toBe('aws');
    expect(annotations[PALETTE_ANNOTATIONS.latestVersion]).toBe('1.10.0');
    expect(PALETTE_PROFILE_ANNOTATIONS.cloudType).toBe(
      PALETTE_ANNOTATIONS.cloudType,
    );
  });

  it('leaves out the versions, layers, title, description and link a draft-only profile without a base URL lacks', async () => {
    const entity = profileToEntity(draftOnlyProfile());

    expect(entity.metadata).toEqual({
      name: 'edge-addons',
      namespace: 'default',
      tags: [],
      annotations: {
        'backstage.io/managed-by-location': 'palette:profiles',
        'backstage.io/managed-by-origin-location': 'palette:profiles',
        'palette.io/cloud-type': 'vsphere',
        'palette.io/profile-type': 'add-on',
      },
    });
    expect(entity.spec).toEqual({
      type: 'cluster-profile',
      owner: 'group:default/edge-team',
    });
    await expectAcceptedByCatalog(entity);
  });

  it('omits the deprecated versions when none is deprecated', () => {
    const profile = awsInfraProfile();
    profile.versions = profile.versions.map(v => ({ ...v, deprecated: false }));
    const annotations = profileToEntity(profile).metadata.annotations!;
    expect(annotations).not.toHaveProperty('palette.io/deprecated-versions');
    expect(annotations['palette.io/versions']).toBe('1.10.0,1.9.0,1.2.0,1.0.0');
  });

  it('turns profile tags into valid catalog tags, dropping what cannot be saved', async () => {
    const entity = profileToEntity(
      awsInfraProfile({
        tags: [
          'k8s.io',
          'team:platform',
          '-edge-',
          'a--b',
          'k8s-io',
          '.',
          '---',
        ],
      }),
    );
    expect(entity.metadata.tags).toEqual([
      'k8s-io',
      'team:platform',
      'edge',
      'a-b',
    ]);
    await expectAcceptedByCatalog(entity);
  });

  it('honours the namespace, location key and a base URL without a trailing slash', async () => {
    const entity = profileToEntity(awsInfraProfile(), {
      namespace: 'palette',
      locationKey: 'palette:test',
      appBaseUrl: 'http://localhost:3000/portal',
    });
    expect(entity.metadata.namespace).toBe('palette');
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': 'palette:test',
      'backstage.io/managed-by-origin-location': 'palette:test',
    });
    expect(entity.metadata.links).toEqual([
      expect.objectContaining({
        url: 'http://localhost:3000/portal/palette/profiles/aws-infra',
      }),
    ]);
    await expectAcceptedByCatalog(entity);
  });
});
