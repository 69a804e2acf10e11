import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  coreApiVersions,
} from '../../api/discovery';
import { DiscoveryPath } from '../../server/routes';
import { StatusError } from '../../server/StatusError';
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
  switch (p.kind) {
    case 'version':
      return versionOf(model);
    case 'coreVersions':
      return coreApiVersions();
    case 'groups':
      return apiGroupList(workloadRegistry);
    case 'group': {
      const versions = workloadRegistry.groups().get(p.group);
      if (!versions) throw StatusError.notFound('groups', p.group);
      return apiGroup(p.group, versions);
    }
    case 'groupVersion': {
      const types = workloadRegistry.inGroupVersion(p.group, p.version);
      if (!types.length)
        throw new StatusError(
          404,
          'NotFound',
          'the server could not find the requested resource',
        );
      return apiResourceList(
        p.group ? `${p.group}/${p.version}` : p.version,
        types,
        READ_VERBS,
      );
    }
    default:
      throw new StatusError(404, 'NotFound', 'not found');
  }
}
