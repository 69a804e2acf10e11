import { gzipSync } from 'node:zlib';
import { KubeObject } from '../../store/types';
import { HelmReleaseModel, WorkloadCluster } from '../model/types';
import { metaOf } from './meta';

/** Helm keeps this many revisions of a release (`--history-max` is 10; 3 keeps lists short). */
const KEPT_REVISIONS = 3;

/**
 * The release record Helm v3 stores (`helm.sh/helm/v3/pkg/release.Release`),
 * reduced to what tools read: name, namespace, revision, info, chart
 * metadata and the user-supplied values (`config`).
 */
function releaseRecord(r: HelmReleaseModel, revision: number, status: string) {
  const latest = revision === r.revision;
  return {
    name: r.name,
    info: {
      first_deployed: r.firstDeployed,
      last_deployed: latest ? r.lastDeployed : r.firstDeployed,
      deleted: '',
      description: revision === 1 ? 'Install complete' : 'Upgrade complete',
      status,
    },
    chart: {
      metadata: {
        name: r.chart,
        version: r.version,
        appVersion: r.appVersion,
        apiVersion: 'v2',
        type: 'application',
      },
      lock: null,
      templates: [],
      values: {},
      schema: null,
      files: [],
    },
    config: r.values,
    manifest: `---\n# Source: ${r.chart}/templates/\n`,
    version: revision,
    namespace: r.namespace,
  };
}

/**
 * Helm's storage encoding: gzip of the release JSON, base64 encoded, stored
 * as the Secret's `release` bytes (so base64 again on the wire).
 */
export function encodeHelmRelease(record: unknown): string {
  const helmEncoded = gzipSync(Buffer.from(JSON.stringify(record))).toString(
    'base64',
  );
  return Buffer.from(helmEncoded).toString('base64');
}

/**
 * Helm v3 release Secrets (`sh.helm.release.v1.<release>.v<revision>`): the
 * latest revisions of each release, the newest `deployed`, older ones
 * `superseded`.
 */
export function helmSecretObjects(model: WorkloadCluster): KubeObject[] {
  return model.releases.flatMap(r => {
    const secrets: KubeObject[] = [];
    const first = Math.max(1, r.revision - KEPT_REVISIONS + 1);
    for (let revision = first; revision <= r.revision; revision++) {
      const status = revision === r.revision ? 'deployed' : 'superseded';
      const name = `sh.helm.release.v1.${r.name}.v${revision}`;
      const modified =
        revision === r.revision ? r.lastDeployed : r.firstDeployed;
      secrets.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: metaOf(model.name, 'Secret', name, modified, {
          namespace: r.namespace,
          labels: {
            owner: 'helm',
            name: r.name,
            status,
            version: String(revision),
            modifiedAt: String(Math.floor(Date.parse(modified) / 1000)),
          },
        }),
        type: 'helm.sh/release.v1',
        data: {
          release: encodeHelmRelease(releaseRecord(r, revision, status)),
        },
      });
    }
    return secrets;
  });
}
