import { WorkloadClusterDescription } from '../model/description';

/**
 * The existing clusters of the demo: clusters the platform did not create,
 * to be imported. An EKS cluster with the usual add-ons, an on-premises
 * kubeadm cluster at a retail edge site, and an AKS cluster.
 */
export const DEMO_EXISTING_CLUSTERS: WorkloadClusterDescription[] = [
  {
    name: 'legacy-payments',
    gitVersion: 'v1.32.3-eks-4096722',
    flavour: 'eks',
    region: 'us-east-1',
    zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    createdAt: '2024-03-11T14:22:05Z',
    nodeLabels: { 'alpha.eksctl.io/cluster-name': 'legacy-payments' },
    nodePools: [
      {
        name: 'general',
        count: 3,
        instanceType: 'm5.xlarge',
        osImage: 'Amazon Linux 2023.7.20250414',
        kernelVersion: '6.1.132-147.221.amzn2023.x86_64',
        containerRuntimeVersion: 'containerd://1.7.27',
        kubeletVersion: 'v1.32.3-eks-473151a',
      },
      {
        name: 'batch',
        count: 2,
        instanceType: 'm5.2xlarge',
        osImage: 'Amazon Linux 2023.7.20250414',
        kernelVersion: '6.1.132-147.221.amzn2023.x86_64',
        containerRuntimeVersion: 'containerd://1.7.27',
        kubeletVersion: 'v1.32.3-eks-473151a',
        labels: { workload: 'batch' },
      },
    ],
    cni: { name: 'aws-vpc-cni', version: '1.19.2-eksbuild.1' },
    csi: [{ name: 'ebs', version: '1.41.0' }],
    helmReleases: [
      {
        name: 'ingress-nginx',
        namespace: 'ingress-nginx',
        chart: 'ingress-nginx',
        version: '4.11.3',
        appVersion: '1.11.3',
        revision: 4,
        firstDeployed: '2024-03-12T09:10:00Z',
        lastDeployed: '2025-01-21T16:45:12Z',
        values: {
          controller: {
            replicaCount: 3,
            service: {
              annotations: {
                'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
              },
            },
            metrics: { enabled: true },
          },
        },
      },
      {
        name: 'cert-manager',
        namespace: 'cert-manager',
        chart: 'cert-manager',
        version: 'v1.16.2',
        revision: 2,
        firstDeployed: '2024-03-12T09:20:00Z',
        lastDeployed: '2024-12-02T11:03:40Z',
        values: { crds: { enabled: true }, prometheus: { enabled: true } },
      },
      {
        name: 'monitoring',
        namespace: 'monitoring',
        chart: 'kube-prometheus-stack',
        version: '66.3.1',
        appVersion: 'v0.78.2',
        revision: 7,
        firstDeployed: '2024-04-02T10:00:00Z',
        lastDeployed: '2025-02-14T08:30:00Z',
        values: {
          grafana: { adminPassword: 'not-a-real-password', replicas: 1 },
          prometheus: {
            prometheusSpec: { retention: '15d', replicas: 2 },
          },
          alertmanager: { enabled: true },
        },
      },
    ],
    namespaces: ['payments', 'payments-batch'],
  },
  {
    name: 'edge-retail-01',
    gitVersion: 'v1.31.7',
    flavour: 'kubeadm',
    createdAt: '2024-09-30T07:15:00Z',
    nodeLabels: { 'site.retail.example.com/store': 'berlin-042' },
    nodePools: [
      {
        name: 'control-plane',
        role: 'control-plane',
        count: 1,
        cpu: 4,
        memoryGiB: 8,
        osImage: 'Ubuntu 22.04.5 LTS',
        kernelVersion: '5.15.0-139-generic',
        containerRuntimeVersion: 'containerd://1.7.24',
      },
      {
        name: 'worker',
        count: 2,
        cpu: 8,
        memoryGiB: 32,
        osImage: 'Ubuntu 22.04.5 LTS',
        kernelVersion: '5.15.0-139-generic',
        containerRuntimeVersion: 'containerd://1.7.24',
      },
    ],
    cni: { name: 'cilium', version: '1.16.6' },
    csi: [{ name: 'longhorn', version: '1.7.2' }],
    helmReleases: [
      {
        name: 'metrics-server',
        namespace: 'kube-system',
        chart: 'metrics-server',
        version: '3.12.2',
        values: { args: ['--kubelet-insecure-tls'] },
      },
    ],
    namespaces: ['pos', 'inventory-sync'],
  },
  {
    name: 'analytics-aks',
    gitVersion: 'v1.33.1',
    flavour: 'aks',
    region: 'westeurope',
    zones: ['westeurope-1', 'westeurope-2', 'westeurope-3'],
    createdAt: '2025-05-19T12:00:00Z',
    nodeLabels: {
      'kubernetes.azure.com/cluster':
        'MC_rg-analytics_analytics-aks_westeurope',
      'kubernetes.azure.com/role': 'agent',
    },
    nodePools: [
      {
        name: 'system',
        count: 2,
        instanceType: 'Standard_D4s_v5',
        osImage: 'Ubuntu 22.04.5 LTS',
        kernelVersion: '5.15.0-1089-azure',
        containerRuntimeVersion: 'containerd://1.7.27-1',
        labels: { 'kubernetes.azure.com/mode': 'system' },
      },
      {
        name: 'spark',
        count: 3,
        instanceType: 'Standard_E8s_v5',
        osImage: 'Ubuntu 22.04.5 LTS',
        kernelVersion: '5.15.0-1089-azure',
        containerRuntimeVersion: 'containerd://1.7.27-1',
      },
    ],
    cni: { name: 'azure-cni', version: '1.6.21' },
    csi: [{ name: 'azure-disk', version: '1.31.5' }],
    helmReleases: [
      {
        name: 'argocd',
        namespace: 'argocd',
        chart: 'argo-cd',
        version: '7.8.26',
        values: { server: { ingress: { enabled: true } }, configs: {} },
      },
    ],
    namespaces: ['spark-jobs', 'notebooks'],
  },
];
