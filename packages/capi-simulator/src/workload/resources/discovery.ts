import { discoveryDocument } from '../../api/discovery';
import { DiscoveryPath } from '../../server/routes';
import { WorkloadCluster } from '../model/types';
import { semverOf } from '../model/version';
import { workloadRegistry } from './catalog';

const READ_VERBS = ['get', 'list'];

/** `/version` of the cluster's API server, with its distribution's gitVersion. */
export function versionOf(model: WorkloadCluster) {
  const [major, minor] = semverOf(model.gitVersion).split('.');
  return {
    major,
    minor,
    gitVersion: model.gitVersion,
    gitCommit: model.gitVersion.split('-').pop() ?? '',
    gitTreeState: 'clean',
    buildDate: model.createdAt,
    goVersion: 'go1.24.2',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** Discovery documents of the read-only kinds a workload cluster serves. */
export function discovery(model: WorkloadCluster, p: DiscoveryPath): unknown {
  return discoveryDocument(workloadRegistry, p, {
    version: () => versionOf(model),
    verbs: READ_VERBS,
  });
}
