import type { ProfileVersion } from '@palette-backstage/plugin-palette-common';
import { capiCrdsDir } from '../../__testUtils__/capiCrdsDir';
import { registry } from './__fixtures__/renderInputs';
import {
  prunedFields,
  SimulatedManagementCluster,
} from './__fixtures__/simulator';
import { IMPORTED_LABEL, renderImportedCluster } from './importedCluster';

/** An add-on profile of curated packs with no variables to fill. */
const SECURITY: ProfileVersion = {
  name: 'security',
  type: 'add-on',
  cloudType: 'all',
  layers: [
    { packName: 'kyverno', packVersion: registry.versions('kyverno')[0] },
    { packName: 'cert-manager', packVersion: '1.21.2' },
  ],
  variables: [],
  version: '1.0.0',
  changeNote: 'First version.',
  publishedAt: '2026-09-01T09:00:00Z',
  publishedBy: 'user:default/platform-admin',
} as ProfileVersion;

const render = (addOnProfiles: ProfileVersion[] = [SECURITY]) =>
  renderImportedCluster({
    name: 'legacy',
    namespace: 'palette-clusters',
    server: 'https://legacy.example.com:6443',
    cloudType: 'eks',
    addOnProfiles,
    packs: registry,
  });

describe('renderImportedCluster', () => {
  it('renders a Cluster without infrastructure and the add-ons as HelmChartProxies selecting it', () => {
    const { objects, messages } = render();
    expect(messages.filter(m => m.severity === 'error')).toEqual([]);
    expect(objects!.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Cluster/legacy',
      'HelmChartProxy/legacy-cert-manager',
      'HelmChartProxy/legacy-kyverno',
    ]);
    const [cluster, certManager] = objects!;
    expect(cluster).toEqual({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: {
        name: 'legacy',
        namespace: 'palette-clusters',
        labels: {
          'app.kubernetes.io/managed-by': 'palette',
          'palette.io/cluster': 'legacy',
          [IMPORTED_LABEL]: 'managed',
        },
      },
      spec: {
        controlPlaneEndpoint: { host: 'legacy.example.com', port: 6443 },
      },
    });
    expect(certManager.spec).toMatchObject({
      clusterSelector: { matchLabels: { 'palette.io/cluster': 'legacy' } },
      chartName: 'cert-manager',
      version: 'v1.21.2',
    });
    expect(certManager.metadata.labels).toMatchObject({
      'palette.io/profile': 'security',
      'palette.io/pack': 'cert-manager',
    });
    // No credentials are ever rendered.
    expect(objects!.some(o => o.kind === 'Secret')).toBe(false);
  });

  it('refuses add-on profiles that hold an OS or Kubernetes layer', () => {
    const { objects, messages } = render([
      {
        ...SECURITY,
        layers: [
          {
            packName: 'kubernetes-eks',
            packVersion: registry.versions('kubernetes-eks')[0],
          },
        ],
      },
    ]);
    expect(objects).toBeUndefined();
    expect(messages).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'addOnProfiles.0',
        message: expect.stringMatching(/takes add-ons only/),
      }),
    ]);
  });
});

describe('imported cluster objects against the real Cluster API CRDs', () => {
  let managementCluster: SimulatedManagementCluster;
  beforeAll(async () => {
    managementCluster = await SimulatedManagementCluster.start({
      crdsDir: capiCrdsDir(),
      controllers: false,
      timing: 'instant',
    });
  });
  afterAll(() => managementCluster?.stop());

  it('are applied as rendered: nothing rejected, nothing pruned', async () => {
    const problems: string[] = [];
    for (const object of render().objects!) {
      const outcome = await managementCluster.apply(object);
      const where = `${object.kind}/${object.metadata.name}`;
      if (!outcome.ok) problems.push(`${where}: ${outcome.error}`);
      else
        problems.push(
          ...prunedFields(object, outcome.live).map(p => `${where}${p}`),
        );
    }
    expect(problems).toEqual([]);
  });
});
