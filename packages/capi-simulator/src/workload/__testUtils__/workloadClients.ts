import { gunzipSync } from 'node:zlib';
import * as k8s from '@kubernetes/client-node';

// Test helpers (not exported from the package).

/** The client-node APIs an import uses, for one kubeconfig. */
export function workloadClients(kubeconfig: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfig);
  return {
    kc,
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    storage: kc.makeApiClient(k8s.StorageV1Api),
    version: kc.makeApiClient(k8s.VersionApi),
  };
}

/** Decodes a Helm v3 release Secret as Helm does: base64, then gunzip of the JSON. */
export function decodeHelmRelease(secret: k8s.V1Secret): any {
  // client-node hands over `data` as sent: Kubernetes' base64 of Helm's bytes.
  const helmBytes = Buffer.from(secret.data!.release, 'base64').toString(
    'utf8',
  );
  const gzipped = Buffer.from(helmBytes, 'base64');
  return JSON.parse(gunzipSync(gzipped).toString('utf8'));
}

export const secretKubeconfig = (secret: k8s.V1Secret) =>
  Buffer.from(secret.data!.value, 'base64').toString('utf8');
