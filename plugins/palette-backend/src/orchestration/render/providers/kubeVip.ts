import yaml from 'js-yaml';
import type { KubeadmFile } from '../kubeadm';

/** The kube-vip release the control plane VIP runs with. */
export const KUBE_VIP_IMAGE = 'ghcr.io/kube-vip/kube-vip:v0.9.2';

const MANIFEST_PATH = '/etc/kubernetes/manifests/kube-vip.yaml';

/**
 * kube-vip as a static pod on every control plane node: it holds the
 * control plane endpoint's virtual IP by ARP with leader election, as CAPV's
 * own cluster templates do (vSphere has no load balancer to put in front of
 * the API servers).
 */
export function kubeVipFile(vip: string): KubeadmFile {
  const env = {
    vip_arp: 'true',
    port: '6443',
    address: vip,
    cp_enable: 'true',
    vip_leaderelection: 'true',
    vip_leaseduration: '15',
    vip_renewdeadline: '10',
    vip_retryperiod: '2',
  };
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kube-vip', namespace: 'kube-system' },
    spec: {
      hostNetwork: true,
      hostAliases: [{ ip: '127.0.0.1', hostnames: ['kubernetes'] }],
      containers: [
        {
          name: 'kube-vip',
          image: KUBE_VIP_IMAGE,
          imagePullPolicy: 'IfNotPresent',
          args: ['manager'],
          env: Object.entries(env).map(([name, value]) => ({ name, value })),
          securityContext: {
            capabilities: { add: ['NET_ADMIN', 'NET_RAW'] },
          },
          volumeMounts: [
            { name: 'kubeconfig', mountPath: '/etc/kubernetes/admin.conf' },
          ],
        },
      ],
      volumes: [
        {
          name: 'kubeconfig',
          hostPath: {
            path: '/etc/kubernetes/admin.conf',
            type: 'FileOrCreate',
          },
        },
      ],
    },
  };
  return {
    path: MANIFEST_PATH,
    owner: 'root:root',
    permissions: '0644',
    content: yaml.dump(pod, { lineWidth: -1 }),
  };
}

/**
 * Since Kubernetes 1.29, `kubeadm init` grants cluster-admin to
 * `super-admin.conf` only, and `admin.conf` gets its rights from a binding
 * that needs the very API server kube-vip is to expose. On the node that
 * runs `kubeadm init` (its kubeadm config holds an InitConfiguration)
 * kube-vip therefore starts with `super-admin.conf`.
 */
export const KUBE_VIP_INIT_COMMAND =
  "if grep -qs 'kind: InitConfiguration' /run/kubeadm/kubeadm.yaml; then " +
  `sed -i 's#path: /etc/kubernetes/admin.conf#path: /etc/kubernetes/super-admin.conf#' ${MANIFEST_PATH}; fi`;
