import { KubeObject } from '../../store/types';
import { Workload, WorkloadCluster } from '../model/types';
import { metaOf } from './meta';

/** The container name installers give an image: its last path segment. */
const containerName = (image: string) =>
  image.split('/').pop()!.split(':')[0].split('@')[0];

function workloadMeta(model: WorkloadCluster, w: Workload) {
  const release = w.labels['app.kubernetes.io/instance'];
  return metaOf(model.name, w.kind, w.name, model.createdAt, {
    namespace: w.namespace,
    generation: 1,
    labels: w.labels,
    annotations: release
      ? {
          'meta.helm.sh/release-name': release,
          'meta.helm.sh/release-namespace': w.namespace,
        }
      : {},
  });
}

function podTemplate(w: Workload) {
  return {
    metadata: { labels: w.labels },
    spec: {
      ...(w.initImages?.length
        ? {
            initContainers: w.initImages.map(image => ({
              name: containerName(image),
              image,
            })),
          }
        : {}),
      containers: [{ name: containerName(w.image), image: w.image }],
      nodeSelector: { 'kubernetes.io/os': 'linux', ...w.nodeSelector },
    },
  };
}

/** DaemonSets: one pod per node, ready where the node is. */
export function daemonSetObjects(model: WorkloadCluster): KubeObject[] {
  return model.workloads
    .filter(w => w.kind === 'DaemonSet')
    .map(w => {
      const nodes = model.nodes.filter(n =>
        Object.entries(w.nodeSelector ?? {}).every(
          ([k, v]) => n.labels[k] === v,
        ),
      );
      const ready = nodes.filter(n => n.ready).length;
      return {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: workloadMeta(model, w),
        spec: {
          selector: { matchLabels: w.labels },
          template: podTemplate(w),
          updateStrategy: {
            type: 'RollingUpdate',
            rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
          },
        },
        status: {
          currentNumberScheduled: nodes.length,
          desiredNumberScheduled: nodes.length,
          numberMisscheduled: 0,
          numberReady: ready,
          numberAvailable: ready,
          updatedNumberScheduled: nodes.length,
          ...(ready < nodes.length
            ? { numberUnavailable: nodes.length - ready }
            : {}),
          observedGeneration: 1,
        },
      };
    });
}

export function deploymentObjects(model: WorkloadCluster): KubeObject[] {
  return model.workloads
    .filter(w => w.kind === 'Deployment')
    .map(w => {
      const replicas = w.replicas ?? 1;
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: workloadMeta(model, w),
        spec: {
          replicas,
          selector: { matchLabels: w.labels },
          template: podTemplate(w),
          strategy: {
            type: 'RollingUpdate',
            rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
          },
        },
        status: {
          observedGeneration: 1,
          replicas,
          updatedReplicas: replicas,
          readyReplicas: replicas,
          availableReplicas: replicas,
          conditions: [
            {
              type: 'Available',
              status: 'True',
              reason: 'MinimumReplicasAvailable',
              message: 'Deployment has minimum availability.',
            },
            {
              type: 'Progressing',
              status: 'True',
              reason: 'NewReplicaSetAvailable',
              message: `ReplicaSet "${w.name}" has successfully progressed.`,
            },
          ],
        },
      };
    });
}
