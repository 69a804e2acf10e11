import { KubeObject } from '../../store/types';
import { WorkloadCluster, WorkloadNode } from '../model/types';
import { metaOf } from './meta';

const GI = 1024 * 1024; // Ki per Gi

/** Nodes with the labels, capacity, nodeInfo and conditions kubelets report. */
export function nodeObjects(model: WorkloadCluster): KubeObject[] {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  return model.nodes.map((node, index) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: metaOf(model.name, 'Node', node.name, node.createdAt, {
      labels: node.labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    }),
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      ...(node.providerID ? { providerID: node.providerID } : {}),
      ...('node-role.kubernetes.io/control-plane' in node.labels
        ? {
            taints: [
              {
                key: 'node-role.kubernetes.io/control-plane',
                effect: 'NoSchedule',
              },
            ],
          }
        : {}),
      ...(node.ready
        ? {}
        : {
            taints: [
              {
                key: 'node.kubernetes.io/unreachable',
                effect: 'NoExecute',
                timeAdded: now,
              },
            ],
          }),
    },
    status: {
      capacity: {
        cpu: String(node.cpu),
        memory: `${node.memoryGiB * GI}Ki`,
        pods: '110',
        'ephemeral-storage': '83873772Ki',
      },
      // kubelet reserves a little CPU and memory for the system.
      allocatable: {
        cpu: `${node.cpu * 1000 - 80}m`,
        memory: `${node.memoryGiB * GI - 768 * 1024}Ki`,
        pods: '110',
        'ephemeral-storage': '76224326324',
      },
      conditions: conditionsOf(node, now),
      addresses: [
        {
          type: 'InternalIP',
          address: `10.0.${index >> 8}.${(index % 250) + 4}`,
        },
        { type: 'Hostname', address: node.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: metaOf(model.name, 'Machine', node.name, '').uid!.replace(
          /-/g,
          '',
        ),
        systemUUID: metaOf(model.name, 'System', node.name, '').uid,
        bootID: metaOf(model.name, 'Boot', node.name, '').uid,
        kernelVersion: node.kernelVersion,
        osImage: node.osImage,
        containerRuntimeVersion: node.containerRuntimeVersion,
        kubeletVersion: node.kubeletVersion,
        kubeProxyVersion: node.kubeletVersion,
        operatingSystem: 'linux',
        architecture: node.architecture,
      },
    },
  }));
}

function conditionsOf(node: WorkloadNode, now: string) {
  const condition = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ) => ({
    type,
    status,
    lastHeartbeatTime: node.ready ? now : node.createdAt,
    lastTransitionTime: node.ready ? node.createdAt : now,
    reason,
    message,
  });
  if (!node.ready) {
    // A kubelet that stopped reporting: the node controller marks all Unknown.
    const lost = 'Kubelet stopped posting node status.';
    return [
      condition('MemoryPressure', 'Unknown', 'NodeStatusUnknown', lost),
      condition('DiskPressure', 'Unknown', 'NodeStatusUnknown', lost),
      condition('PIDPressure', 'Unknown', 'NodeStatusUnknown', lost),
      condition('Ready', 'Unknown', 'NodeStatusUnknown', lost),
    ];
  }
  return [
    condition(
      'MemoryPressure',
      'False',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
    ),
    condition(
      'DiskPressure',
      'False',
      'KubeletHasNoDiskPressure',
      'kubelet has no disk pressure',
    ),
    condition(
      'PIDPressure',
      'False',
      'KubeletHasSufficientPID',
      'kubelet has sufficient PID available',
    ),
    condition(
      'Ready',
      'True',
      'KubeletReady',
      'kubelet is posting ready status',
    ),
  ];
}

export function namespaceObjects(model: WorkloadCluster): KubeObject[] {
  return model.namespaces.map(name => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: metaOf(model.name, 'Namespace', name, model.createdAt, {
      labels: { 'kubernetes.io/metadata.name': name },
    }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}
