import type { Pack } from '@palette-backstage/plugin-palette-common';
import { definePack, yamlBlock } from './define';

const INGRESS_NGINX_RETIRED =
  'The Kubernetes Ingress NGINX project was retired in March 2026 and gets no further releases or security fixes. Move to a Gateway API implementation.';

const ingressNginx = definePack(
  {
    name: 'ingress-nginx',
    displayName: 'Ingress NGINX',
    description:
      'The community NGINX Ingress controller. Retired upstream in March 2026: kept for existing clusters, not for new profiles.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      controller:
        replicaCount: 2
        ingressClassResource:
          default: true
        service:
          type: LoadBalancer
        metrics:
          enabled: true
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        controller: {
          type: 'object',
          properties: {
            replicaCount: { type: 'integer', minimum: 1 },
            ingressClassResource: {
              type: 'object',
              properties: { default: { type: 'boolean' } },
            },
            service: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                  enum: ['LoadBalancer', 'NodePort', 'ClusterIP'],
                },
              },
            },
            metrics: {
              type: 'object',
              properties: { enabled: { type: 'boolean' } },
            },
          },
        },
      },
    },
    installPriority: 50,
    deprecated: true,
    deprecationMessage: INGRESS_NGINX_RETIRED,
    homepage: 'https://github.com/kubernetes/ingress-nginx',
  },
  [
    {
      version: '1.14.1',
      chart: '4.14.1',
      kubernetes: { min: '1.29', max: '1.34' },
    },
    {
      version: '1.15.1',
      chart: '4.15.1',
      kubernetes: { min: '1.30', max: '1.35' },
    },
  ].map(({ version, chart, kubernetes }) => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://kubernetes.github.io/ingress-nginx',
      chart: 'ingress-nginx',
      chartVersion: chart,
      namespace: 'ingress-nginx',
    },
    constraints: { kubernetes },
  })),
);

const certManager = definePack(
  {
    name: 'cert-manager',
    displayName: 'cert-manager',
    description:
      'Issues and renews X.509 certificates (ACME, private CAs, Vault) as Kubernetes resources. Installs its CRDs with the chart.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      crds:
        enabled: true
      replicaCount: 1
      prometheus:
        enabled: true
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        crds: { type: 'object', properties: { enabled: { type: 'boolean' } } },
        replicaCount: { type: 'integer', minimum: 1 },
        prometheus: {
          type: 'object',
          properties: { enabled: { type: 'boolean' } },
        },
      },
    },
    installPriority: 40,
    homepage: 'https://cert-manager.io',
  },
  [
    { version: '1.20.2', kubernetes: { min: '1.31', max: '1.35' } },
    { version: '1.21.2', kubernetes: { min: '1.32', max: '1.36' } },
  ].map(({ version, kubernetes }) => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'oci://quay.io/jetstack/charts',
      chart: 'cert-manager',
      chartVersion: `v${version}`,
      namespace: 'cert-manager',
    },
    constraints: { kubernetes },
  })),
);

const kubePrometheusStack = definePack(
  {
    name: 'kube-prometheus-stack',
    displayName: 'kube-prometheus-stack',
    description:
      'Prometheus Operator, Prometheus, Alertmanager, Grafana, node-exporter and kube-state-metrics with the kube-prometheus dashboards and alerts. Versioned by its chart.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      prometheus:
        prometheusSpec:
          replicas: 1
          retention: 10d
      alertmanager:
        enabled: true
      grafana:
        enabled: true
        adminPassword: ""
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        prometheus: {
          type: 'object',
          properties: {
            prometheusSpec: {
              type: 'object',
              properties: {
                replicas: { type: 'integer', minimum: 1 },
                retention: {
                  type: 'string',
                  pattern: '^[0-9]+(ms|s|m|h|d|w|y)$',
                },
              },
            },
          },
        },
        alertmanager: {
          type: 'object',
          properties: { enabled: { type: 'boolean' } },
        },
        grafana: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            adminPassword: { type: 'string' },
          },
        },
      },
    },
    installPriority: 45,
    constraints: {
      kubernetes: { min: '1.25' },
      minNodeCpu: 2,
      minNodeMemoryMiB: 4096,
    },
    homepage: 'https://github.com/prometheus-community/helm-charts',
  },
  ['81.6.2', '82.10.3'].map(version => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://prometheus-community.github.io/helm-charts',
      chart: 'kube-prometheus-stack',
      chartVersion: version,
      namespace: 'monitoring',
    },
  })),
);

const loki = definePack(
  {
    name: 'loki',
    displayName: 'Grafana Loki',
    description:
      'Log aggregation in single-binary mode with filesystem storage, sized for one cluster. Versioned by its chart.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      deploymentMode: SingleBinary
      loki:
        auth_enabled: false
        commonConfig:
          replication_factor: 1
        storage:
          type: filesystem
        schemaConfig:
          configs:
            - from: "2024-04-01"
              store: tsdb
              object_store: filesystem
              schema: v13
              index:
                prefix: loki_index_
                period: 24h
      singleBinary:
        replicas: 1
      backend:
        replicas: 0
      read:
        replicas: 0
      write:
        replicas: 0
      monitoring:
        serviceMonitor:
          enabled: true
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        deploymentMode: {
          type: 'string',
          enum: ['SingleBinary', 'SimpleScalable', 'Distributed'],
        },
        loki: {
          type: 'object',
          properties: {
            auth_enabled: { type: 'boolean' },
            commonConfig: {
              type: 'object',
              properties: {
                replication_factor: { type: 'integer', minimum: 1 },
              },
            },
            storage: {
              type: 'object',
              properties: {
                type: {
                  type: 'string',
                  enum: ['filesystem', 's3', 'gcs', 'azure'],
                },
              },
            },
          },
        },
        singleBinary: {
          type: 'object',
          properties: { replicas: { type: 'integer', minimum: 0 } },
        },
        monitoring: {
          type: 'object',
          properties: {
            serviceMonitor: {
              type: 'object',
              properties: { enabled: { type: 'boolean' } },
            },
          },
        },
      },
    },
    installPriority: 46,
    constraints: {
      kubernetes: { min: '1.25' },
      requires: [
        {
          name: 'kube-prometheus-stack',
          reason:
            'the default values create a ServiceMonitor, whose CRD comes with the Prometheus Operator',
        },
      ],
    },
    homepage: 'https://grafana.com/oss/loki/',
  },
  ['6.51.0', '6.54.0'].map(version => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://grafana.github.io/helm-charts',
      chart: 'loki',
      chartVersion: version,
      namespace: 'monitoring',
    },
  })),
);

const ISTIO_VERSIONS = [
  { version: '1.28.4', kubernetes: { min: '1.30', max: '1.34' } },
  { version: '1.29.0', kubernetes: { min: '1.31', max: '1.35' } },
];

const istioBase = definePack(
  {
    name: 'istio-base',
    displayName: 'Istio base (CRDs)',
    description: 'The Istio CRDs and cluster roles; install before istiod.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      defaultRevision: default
    `,
    valuesSchema: {
      type: 'object',
      properties: { defaultRevision: { type: 'string' } },
    },
    installPriority: 40,
    homepage: 'https://istio.io',
  },
  ISTIO_VERSIONS.map(({ version, kubernetes }) => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'base',
      chartVersion: version,
      namespace: 'istio-system',
    },
    constraints: { kubernetes },
  })),
);

const istiod = definePack(
  {
    name: 'istio',
    displayName: 'Istio (istiod)',
    description:
      'The Istio control plane: mTLS between workloads, traffic management and telemetry for the sidecar or ambient data plane.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      pilot:
        autoscaleEnabled: true
        autoscaleMin: 1
        autoscaleMax: 5
      meshConfig:
        accessLogFile: /dev/stdout
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        pilot: {
          type: 'object',
          properties: {
            autoscaleEnabled: { type: 'boolean' },
            autoscaleMin: { type: 'integer', minimum: 1 },
            autoscaleMax: { type: 'integer', minimum: 1 },
          },
        },
        meshConfig: {
          type: 'object',
          properties: { accessLogFile: { type: 'string' } },
        },
      },
    },
    installPriority: 41,
    homepage: 'https://istio.io',
  },
  ISTIO_VERSIONS.map(({ version, kubernetes }) => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'istiod',
      chartVersion: version,
      namespace: 'istio-system',
    },
    constraints: {
      kubernetes,
      requires: [{ name: 'istio-base', reason: 'istiod needs the Istio CRDs' }],
      minNodeCpu: 2,
      minNodeMemoryMiB: 4096,
    },
  })),
);

const externalDns = definePack(
  {
    name: 'external-dns',
    displayName: 'ExternalDNS',
    description:
      'Publishes DNS records for Services and Ingresses in Route 53, Azure DNS, Cloud DNS and other providers.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      provider:
        name: aws
      sources:
        - service
        - ingress
      policy: upsert-only
      registry: txt
      txtOwnerId: ""
      domainFilters: []
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        provider: {
          type: 'object',
          properties: {
            name: {
              type: 'string',
              enum: [
                'aws',
                'azure',
                'azure-private-dns',
                'google',
                'cloudflare',
                'rfc2136',
                'pdns',
                'infoblox',
                'webhook',
              ],
            },
          },
        },
        sources: {
          type: 'array',
          items: {
            type: 'string',
            enum: [
              'service',
              'ingress',
              'gateway-httproute',
              'gateway-grpcroute',
              'crd',
            ],
          },
        },
        policy: {
          type: 'string',
          enum: ['sync', 'upsert-only', 'create-only'],
        },
        registry: { type: 'string', enum: ['txt', 'noop', 'dynamodb'] },
        txtOwnerId: { type: 'string' },
        domainFilters: { type: 'array', items: { type: 'string' } },
      },
    },
    installPriority: 50,
    homepage: 'https://kubernetes-sigs.github.io/external-dns/',
  },
  [
    {
      version: '0.19.0',
      kind: {
        type: 'helm',
        repository: 'https://kubernetes-sigs.github.io/external-dns/',
        chart: 'external-dns',
        chartVersion: '1.19.0',
        namespace: 'external-dns',
      },
    },
  ],
);

const velero = definePack(
  {
    name: 'velero',
    displayName: 'Velero',
    description:
      'Backup and restore of cluster resources and persistent volumes (CSI snapshots) to object storage.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      snapshotsEnabled: true
      deployNodeAgent: false
      configuration:
        backupStorageLocation:
          - name: default
            provider: aws
            bucket: ""
    `,
    valuesSchema: {
      type: 'object',
      properties: {
        snapshotsEnabled: { type: 'boolean' },
        deployNodeAgent: { type: 'boolean' },
        configuration: {
          type: 'object',
          properties: {
            backupStorageLocation: {
              type: 'array',
              items: {
                type: 'object',
                required: ['provider'],
                properties: {
                  name: { type: 'string' },
                  provider: { type: 'string' },
                  bucket: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    installPriority: 55,
    homepage: 'https://velero.io',
  },
  [
    { version: '1.17.0', chart: '11.0.0' },
    { version: '1.17.1', chart: '11.2.0' },
  ].map(({ version, chart }) => ({
    version,
    kind: {
      type: 'helm' as const,
      repository: 'https://vmware-tanzu.github.io/helm-charts',
      chart: 'velero',
      chartVersion: chart,
      namespace: 'velero',
    },
  })),
);

const kyverno = definePack(
  {
    name: 'kyverno',
    displayName: 'Kyverno',
    description:
      'Policy engine that validates, mutates and generates resources with policies written as Kubernetes resources.',
    layer: 'addon',
    cloudTypes: ['all'],
    defaultValues: yamlBlock`
      admissionController:
        replicas: 3
      backgroundController:
        replicas: 1
      cleanupController:
        replicas: 1
      reportsController:
        replicas: 1
    `,
    valuesSchema: {
      type: 'object',
      properties: Object.fromEntries(
        [
          'admissionController',
          'backgroundController',
          'cleanupController',
          'reportsController',
        ].map(controller => [
          controller,
          {
            type: 'object',
            properties: { replicas: { type: 'integer', minimum: 0 } },
          },
        ]),
      ),
    },
    installPriority: 42,
    constraints: {
      conflicts: [
        {
          name: 'gatekeeper',
          reason:
            'two admission policy engines make rejections hard to reason about',
        },
      ],
    },
    homepage: 'https://kyverno.io',
  },
  [
    {
      version: '1.17.0',
      kind: {
        type: 'helm',
        repository: 'https://kyverno.github.io/kyverno/',
        chart: 'kyverno',
        chartVersion: '3.7.0',
        namespace: 'kyverno',
      },
      constraints: {
        kubernetes: { min: '1.32', max: '1.35' },
        conflicts: [
          {
            name: 'gatekeeper',
            reason:
              'two admission policy engines make rejections hard to reason about',
          },
        ],
      },
    },
  ],
);

/**
 * The curated add-on packs.
 *
 * @public
 */
export const ADDON_PACKS: readonly Pack[] = [
  ...ingressNginx,
  ...certManager,
  ...kubePrometheusStack,
  ...loki,
  ...istioBase,
  ...istiod,
  ...externalDns,
  ...velero,
  ...kyverno,
];
