import { WorkloadCluster } from '../model/types';
import { SeededRandom } from '../random';
import { KNOWN_CVES } from './cves';
import { ageOf, scanSeed } from './seed';

/**
 * `trivy k8s --report all -f json`: one resource per DaemonSet and
 * Deployment with the vulnerabilities of its image. Images of clusters on
 * older minors are older: more advisories apply to them, and worse ones.
 */
export function trivyClusterReport(model: WorkloadCluster) {
  const age = ageOf(model);
  const applicable = KNOWN_CVES.filter(c => c.minAge <= age);
  const Resources = model.workloads.map(w => {
    const random = new SeededRandom(`${scanSeed(model, 'trivy')}|${w.image}`);
    // The older the cluster, the likelier an image still carries an advisory.
    const found = applicable.filter(c =>
      random.chance(Math.min(0.6, 0.12 + 0.08 * (age - c.minAge))),
    );
    const vulnerabilities = (type: string) =>
      found
        .filter(c => c.type === type)
        .map(c => ({
          VulnerabilityID: c.id,
          PkgName: c.pkg,
          InstalledVersion: c.installed,
          FixedVersion: c.fixed,
          Status: 'fixed',
          Severity: c.severity,
          Title: c.title,
          PrimaryURL: `https://avd.aquasec.com/nvd/${c.id.toLowerCase()}`,
        }));
    const os = vulnerabilities('debian');
    const binary = vulnerabilities('gobinary');
    const binaryName = w.image.split('/').pop()!.split(':')[0];
    return {
      Namespace: w.namespace,
      Kind: w.kind,
      Name: w.name,
      Metadata: [{ OS: { Family: 'debian', Name: '12.10' } }],
      Results: [
        {
          Target: `${w.image} (debian 12.10)`,
          Class: 'os-pkgs',
          Type: 'debian',
          Vulnerabilities: os.length ? os : null,
        },
        {
          Target: `usr/local/bin/${binaryName}`,
          Class: 'lang-pkgs',
          Type: 'gobinary',
          Vulnerabilities: binary.length ? binary : null,
        },
      ],
    };
  });
  return { ClusterName: model.name, Resources };
}
