import { capiCrdsDir } from '../../__testUtils__/capiCrdsDir';
import type { KubeObject } from '../types';
import { OBSERVABILITY } from './__fixtures__/profiles';
import { inputFor, PROVIDERS } from './__fixtures__/renderInputs';
import {
  crdKinds,
  prunedFields,
  SimulatedManagementCluster,
} from './__fixtures__/simulator';
import { renderCluster } from '.';

/** Every provider's cluster with the observability add-on profile on top. */
function renderedObjects(provider: (typeof PROVIDERS)[number]): KubeObject[] {
  const base = inputFor(provider);
  const result = renderCluster(
    inputFor(provider, {
      addOnProfiles: [OBSERVABILITY],
      request: {
        variables: {
          ...base.request.variables,
          grafanaAdminPassword: 'correct-horse-battery',
        },
      },
    }),
  );
  if (!result.ok) {
    throw new Error(
      `${provider} did not render: ${JSON.stringify(result.messages)}`,
    );
  }
  return result.objects;
}

const gvk = (o: KubeObject) =>
  `${o.apiVersion.includes('/') ? '' : 'core/'}${o.apiVersion}/${o.kind}`;

// The acceptance criterion: what the renderers produce for every
// provider is what a real API server with Cluster API v1.14 and its
// providers' CRDs accepts, unchanged (nothing rejected, nothing pruned).
describe('rendered objects against the real Cluster API CRDs', () => {
  let crdsDir: string;
  let managementCluster: SimulatedManagementCluster;

  beforeAll(async () => {
    crdsDir = capiCrdsDir();
    managementCluster = await SimulatedManagementCluster.start({
      crdsDir,
      controllers: false,
      timing: 'instant',
    });
  });
  afterAll(() => managementCluster?.stop());

  it.each(PROVIDERS)(
    '%s: every object has a CRD schema and is applied as rendered',
    async provider => {
      const objects = renderedObjects(provider);
      const known = crdKinds(crdsDir);
      const withoutSchema = objects
        .filter(o => o.kind !== 'ConfigMap')
        .map(gvk)
        .filter(key => !known.has(key));
      expect(withoutSchema).toEqual([]);

      const problems: string[] = [];
      for (const object of objects) {
        const where = `${object.kind}/${object.metadata.name}`;
        const outcome = await managementCluster.apply(object);
        if (!outcome.ok) {
          problems.push(`${where}: ${outcome.error}`);
        } else {
          problems.push(
            ...prunedFields(object, outcome.live).map(p => `${where}${p}`),
          );
        }
      }
      expect(problems).toEqual([]);
      // Not vacuous: a full cluster is dozens of objects.
      expect(objects.length).toBeGreaterThan(8);
    },
  );
});

// `yarn start` runs the simulator without CRD files: it must serve every
// kind the renderers produce (resourceTypes.ts's defaultCustomResourceTypes).
describe('rendered objects against the simulator without CRD files', () => {
  let managementCluster: SimulatedManagementCluster;
  beforeAll(async () => {
    managementCluster = await SimulatedManagementCluster.start({
      controllers: false,
      timing: 'instant',
    });
  });
  afterAll(() => managementCluster?.stop());

  it('serves every kind of every provider', async () => {
    const refused: string[] = [];
    for (const provider of PROVIDERS) {
      for (const object of renderedObjects(provider)) {
        const outcome = await managementCluster.apply(object);
        if (!outcome.ok) {
          refused.push(
            `${object.kind}/${object.metadata.name}: ${outcome.error}`,
          );
        }
      }
    }
    expect(refused).toEqual([]);
  });
});
