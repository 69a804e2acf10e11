/**
 * A selection of the CIS Kubernetes Benchmark checks kube-bench runs, by
 * control and section: `[number, description, manual]`. Manual checks are
 * reported as WARN, as kube-bench does.
 */
export type Check = [string, string, boolean?];

export interface Section {
  section: string;
  desc: string;
  checks: Check[];
}

export interface Control {
  id: string;
  text: string;
  node_type: string;
  sections: Section[];
}

const M = true;

/** The self-managed (kubeadm) benchmark: control plane, etcd, workers, policies. */
export const KUBEADM_CONTROLS: Control[] = [
  {
    id: '1',
    text: 'Control Plane Security Configuration',
    node_type: 'master',
    sections: [
      {
        section: '1.1',
        desc: 'Control Plane Node Configuration Files',
        checks: [
          [
            '1.1.1',
            'Ensure that the API server pod specification file permissions are set to 600 or more restrictive (Automated)',
          ],
          [
            '1.1.2',
            'Ensure that the API server pod specification file ownership is set to root:root (Automated)',
          ],
          [
            '1.1.3',
            'Ensure that the controller manager pod specification file permissions are set to 600 or more restrictive (Automated)',
          ],
          [
            '1.1.5',
            'Ensure that the scheduler pod specification file permissions are set to 600 or more restrictive (Automated)',
          ],
          [
            '1.1.7',
            'Ensure that the etcd pod specification file permissions are set to 600 or more restrictive (Automated)',
          ],
          [
            '1.1.9',
            'Ensure that the Container Network Interface file permissions are set to 600 or more restrictive (Manual)',
            M,
          ],
          [
            '1.1.11',
            'Ensure that the etcd data directory permissions are set to 700 or more restrictive (Automated)',
          ],
          [
            '1.1.12',
            'Ensure that the etcd data directory ownership is set to etcd:etcd (Automated)',
          ],
          [
            '1.1.13',
            'Ensure that the default administrative credential file permissions are set to 600 (Automated)',
          ],
          [
            '1.1.19',
            'Ensure that the Kubernetes PKI directory and file ownership is set to root:root (Automated)',
          ],
          [
            '1.1.21',
            'Ensure that the Kubernetes PKI key file permissions are set to 600 (Manual)',
            M,
          ],
        ],
      },
      {
        section: '1.2',
        desc: 'API Server',
        checks: [
          [
            '1.2.1',
            'Ensure that the --anonymous-auth argument is set to false (Manual)',
            M,
          ],
          [
            '1.2.2',
            'Ensure that the --token-auth-file parameter is not set (Automated)',
          ],
          [
            '1.2.4',
            'Ensure that the --kubelet-client-certificate and --kubelet-client-key arguments are set as appropriate (Automated)',
          ],
          [
            '1.2.5',
            'Ensure that the --kubelet-certificate-authority argument is set as appropriate (Automated)',
          ],
          [
            '1.2.6',
            'Ensure that the --authorization-mode argument is not set to AlwaysAllow (Automated)',
          ],
          [
            '1.2.7',
            'Ensure that the --authorization-mode argument includes Node (Automated)',
          ],
          [
            '1.2.8',
            'Ensure that the --authorization-mode argument includes RBAC (Automated)',
          ],
          [
            '1.2.9',
            'Ensure that the admission control plugin EventRateLimit is set (Manual)',
            M,
          ],
          [
            '1.2.11',
            'Ensure that the admission control plugin AlwaysPullImages is set (Manual)',
            M,
          ],
          [
            '1.2.15',
            'Ensure that the admission control plugin NodeRestriction is set (Automated)',
          ],
          [
            '1.2.16',
            'Ensure that the --profiling argument is set to false (Automated)',
          ],
          [
            '1.2.17',
            'Ensure that the --audit-log-path argument is set (Automated)',
          ],
          [
            '1.2.18',
            'Ensure that the --audit-log-maxage argument is set to 30 or as appropriate (Automated)',
          ],
          [
            '1.2.22',
            'Ensure that the --service-account-lookup argument is set to true (Automated)',
          ],
          [
            '1.2.25',
            'Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate (Automated)',
          ],
          [
            '1.2.29',
            'Ensure that the API Server only makes use of Strong Cryptographic Ciphers (Manual)',
            M,
          ],
        ],
      },
      {
        section: '1.3',
        desc: 'Controller Manager',
        checks: [
          [
            '1.3.1',
            'Ensure that the --terminated-pod-gc-threshold argument is set as appropriate (Manual)',
            M,
          ],
          [
            '1.3.2',
            'Ensure that the --profiling argument is set to false (Automated)',
          ],
          [
            '1.3.3',
            'Ensure that the --use-service-account-credentials argument is set to true (Automated)',
          ],
          [
            '1.3.6',
            'Ensure that the RotateKubeletServerCertificate argument is set to true (Automated)',
          ],
          [
            '1.3.7',
            'Ensure that the --bind-address argument is set to 127.0.0.1 (Automated)',
          ],
        ],
      },
      {
        section: '1.4',
        desc: 'Scheduler',
        checks: [
          [
            '1.4.1',
            'Ensure that the --profiling argument is set to false (Automated)',
          ],
          [
            '1.4.2',
            'Ensure that the --bind-address argument is set to 127.0.0.1 (Automated)',
          ],
        ],
      },
    ],
  },
  {
    id: '2',
    text: 'Etcd Node Configuration',
    node_type: 'etcd',
    sections: [
      {
        section: '2',
        desc: 'Etcd Node Configuration',
        checks: [
          [
            '2.1',
            'Ensure that the --cert-file and --key-file arguments are set as appropriate (Automated)',
          ],
          [
            '2.2',
            'Ensure that the --client-cert-auth argument is set to true (Automated)',
          ],
          [
            '2.3',
            'Ensure that the --auto-tls argument is not set to true (Automated)',
          ],
          [
            '2.4',
            'Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate (Automated)',
          ],
          [
            '2.5',
            'Ensure that the --peer-client-cert-auth argument is set to true (Automated)',
          ],
          [
            '2.7',
            'Ensure that a unique Certificate Authority is used for etcd (Manual)',
            M,
          ],
        ],
      },
    ],
  },
  {
    id: '3',
    text: 'Control Plane Configuration',
    node_type: 'controlplane',
    sections: [
      {
        section: '3.1',
        desc: 'Authentication and Authorization',
        checks: [
          [
            '3.1.1',
            'Client certificate authentication should not be used for users (Manual)',
            M,
          ],
        ],
      },
      {
        section: '3.2',
        desc: 'Logging',
        checks: [
          [
            '3.2.1',
            'Ensure that a minimal audit policy is created (Manual)',
            M,
          ],
          [
            '3.2.2',
            'Ensure that the audit policy covers key security concerns (Manual)',
            M,
          ],
        ],
      },
    ],
  },
  {
    id: '4',
    text: 'Worker Node Security Configuration',
    node_type: 'node',
    sections: [
      {
        section: '4.1',
        desc: 'Worker Node Configuration Files',
        checks: [
          [
            '4.1.1',
            'Ensure that the kubelet service file permissions are set to 600 or more restrictive (Automated)',
          ],
          [
            '4.1.2',
            'Ensure that the kubelet service file ownership is set to root:root (Automated)',
          ],
          [
            '4.1.5',
            'Ensure that the --kubeconfig kubelet.conf file permissions are set to 600 or more restrictive (Automated)',
          ],
          [
            '4.1.7',
            'Ensure that the certificate authorities file permissions are set to 600 or more restrictive (Manual)',
            M,
          ],
          [
            '4.1.9',
            'If the kubelet config.yaml configuration file is being used validate permissions set to 600 or more restrictive (Automated)',
          ],
        ],
      },
      {
        section: '4.2',
        desc: 'Kubelet',
        checks: [
          [
            '4.2.1',
            'Ensure that the --anonymous-auth argument is set to false (Automated)',
          ],
          [
            '4.2.2',
            'Ensure that the --authorization-mode argument is not set to AlwaysAllow (Automated)',
          ],
          [
            '4.2.3',
            'Ensure that the --client-ca-file argument is set as appropriate (Automated)',
          ],
          [
            '4.2.4',
            'Verify that the --read-only-port argument is set to 0 (Manual)',
            M,
          ],
          [
            '4.2.6',
            'Ensure that the --make-iptables-util-chains argument is set to true (Automated)',
          ],
          [
            '4.2.10',
            'Ensure that the --rotate-certificates argument is not set to false (Automated)',
          ],
          [
            '4.2.11',
            'Verify that the RotateKubeletServerCertificate argument is set to true (Manual)',
            M,
          ],
          [
            '4.2.12',
            'Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers (Manual)',
            M,
          ],
        ],
      },
    ],
  },
  POLICIES('5', [
    [
      '5.1.1',
      'Ensure that the cluster-admin role is only used where required (Manual)',
      M,
    ],
    ['5.1.3', 'Minimize wildcard use in Roles and ClusterRoles (Manual)', M],
    ['5.2.2', 'Minimize the admission of privileged containers (Manual)', M],
    [
      '5.2.3',
      'Minimize the admission of containers wishing to share the host process ID namespace (Manual)',
      M,
    ],
    [
      '5.3.2',
      'Ensure that all Namespaces have Network Policies defined (Manual)',
      M,
    ],
    [
      '5.4.1',
      'Prefer using secrets as files over secrets as environment variables (Manual)',
      M,
    ],
    ['5.7.4', 'The default namespace should not be used (Manual)', M],
  ]),
];

function POLICIES(id: string, checks: Check[]): Control {
  return {
    id,
    text: 'Kubernetes Policies',
    node_type: 'policies',
    sections: [
      {
        section: `${id}.1`,
        desc: 'RBAC, Pod Security and Network Policies',
        checks,
      },
    ],
  };
}

/** The managed-service benchmarks (EKS, AKS, GKE): workers, policies and the provider's controls. */
export function managedControls(provider: string): Control[] {
  return [
    {
      id: '3',
      text: 'Worker Node Security Configuration',
      node_type: 'node',
      sections: [
        {
          section: '3.1',
          desc: 'Worker Node Configuration Files',
          checks: [
            [
              '3.1.1',
              'Ensure that the kubeconfig file permissions are set to 644 or more restrictive (Automated)',
            ],
            [
              '3.1.2',
              'Ensure that the kubelet kubeconfig file ownership is set to root:root (Automated)',
            ],
            [
              '3.1.3',
              'Ensure that the kubelet configuration file has permissions set to 644 or more restrictive (Automated)',
            ],
            [
              '3.1.4',
              'Ensure that the kubelet configuration file ownership is set to root:root (Automated)',
            ],
          ],
        },
        {
          section: '3.2',
          desc: 'Kubelet',
          checks: [
            [
              '3.2.1',
              'Ensure that the Anonymous Auth is Not Enabled (Automated)',
            ],
            [
              '3.2.2',
              'Ensure that the --authorization-mode argument is not set to AlwaysAllow (Automated)',
            ],
            ['3.2.3', 'Ensure that a Client CA File is Configured (Automated)'],
            [
              '3.2.4',
              'Ensure that the --read-only-port is disabled (Automated)',
            ],
            [
              '3.2.5',
              'Ensure that the --streaming-connection-idle-timeout argument is not set to 0 (Automated)',
            ],
            [
              '3.2.6',
              'Ensure that the --make-iptables-util-chains argument is set to true (Automated)',
            ],
            [
              '3.2.8',
              'Ensure that the --rotate-certificates argument is not present or is set to true (Automated)',
            ],
            [
              '3.2.9',
              'Ensure that the RotateKubeletServerCertificate argument is set to true (Automated)',
            ],
          ],
        },
      ],
    },
    POLICIES('4', [
      [
        '4.1.1',
        'Ensure that the cluster-admin role is only used where required (Automated)',
      ],
      ['4.1.3', 'Minimize wildcard use in Roles and ClusterRoles (Automated)'],
      ['4.2.1', 'Minimize the admission of privileged containers (Automated)'],
      [
        '4.3.2',
        'Ensure that all Namespaces have Network Policies defined (Automated)',
      ],
      [
        '4.4.1',
        'Prefer using secrets as files over secrets as environment variables (Automated)',
      ],
      ['4.5.2', 'The default namespace should not be used (Automated)'],
    ]),
    {
      id: '5',
      text: `Managed Services (${provider.toUpperCase()})`,
      node_type: 'managedservices',
      sections: [
        {
          section: '5.1',
          desc: 'Image Registry and Image Scanning',
          checks: [
            [
              '5.1.1',
              'Ensure Image Vulnerability Scanning is enabled (Manual)',
              M,
            ],
            [
              '5.1.3',
              'Minimize cluster access to read-only for the container registry (Manual)',
              M,
            ],
          ],
        },
        {
          section: '5.4',
          desc: 'Cluster Networking',
          checks: [
            [
              '5.4.1',
              'Restrict Access to the Control Plane Endpoint (Manual)',
              M,
            ],
            [
              '5.4.2',
              'Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled (Manual)',
              M,
            ],
            [
              '5.4.3',
              'Ensure clusters are created with Private Nodes (Manual)',
              M,
            ],
          ],
        },
      ],
    },
  ];
}
