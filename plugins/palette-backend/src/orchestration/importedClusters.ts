import { PALETTE_LABELS } from '@palette-backstage/plugin-palette-common';
import * as k8s from '@kubernetes/client-node';
import { resolveAddOnProfiles } from '../clusters/addOnProfiles';
import { ResolvedRequest } from '../clusters/resolveRequest';
import { ClusterRecord, InventoryItem } from '../clusters/types';
import { ProfileStore } from '../database';
import { readImportKubeconfig } from '../imports/kubeconfig/importSecret';
import { PackRegistry } from '../packs';
import { ManagementClient } from './ManagementClient';
import { renderImportedCluster } from './render';
import { KubeObject } from './types';

/** What the reconciler applies beside the rendered objects, and keeps. */
export interface SideObjects {
  /**
   * Objects applied on every reconciliation but never compared for drift:
   * they hold credentials, which a drift report would copy.
   */
  apply: KubeObject[];
  /** Objects the product owns without applying them here (removed on detach). */
  keep: InventoryItem[];
}

/** The uploaded kubeconfig of an imported cluster, from its import Secret. */
async function kubeconfigOf(
  record: ClusterRecord,
  client: ManagementClient,
): Promise<string> {
  const text = await readImportKubeconfig(
    client,
    record.imported!.secretName,
    record.namespace,
  );
  if (!text)
    throw new Error(
      `the kubeconfig Secret ${
        record.imported!.secretName
      } of imported cluster "${
        record.name
      }" is missing; import the cluster again`,
    );
  return text;
}

/**
 * Renders an imported cluster: nothing in read-only mode; in managed mode
 * its Cluster and its add-on profiles' layers (see `renderImportedCluster`).
 */
export async function renderImportedRecord(
  record: ClusterRecord,
  deps: {
    client: ManagementClient;
    profiles: Pick<ProfileStore, 'getVersion'>;
    packs: PackRegistry;
  },
): Promise<ResolvedRequest> {
  if (record.imported!.mode === 'read-only')
    return { messages: [], objects: [] };
  const kubeConfig = new k8s.KubeConfig();
  kubeConfig.loadFromString(await kubeconfigOf(record, deps.client));
  const messages: ResolvedRequest['messages'] = [];
  const addOnProfiles = await resolveAddOnProfiles(
    record.addOnProfiles,
    deps.profiles,
    // The versions a cluster runs stay usable when deprecated since.
    () => true,
    messages,
  );
  if (messages.length) return { messages };
  const rendered = renderImportedCluster({
    name: record.name,
    namespace: record.namespace,
    server: kubeConfig.getCurrentCluster()!.server,
    cloudType: record.provider,
    addOnProfiles,
    packs: deps.packs,
  });
  return { messages: rendered.messages, objects: rendered.objects };
}

/**
 * Beside an imported managed cluster's rendered objects: the Secret
 * `<name>-kubeconfig` that Cluster API's convention (and CAAPH) reach the
 * cluster through, written from the import Secret; and the import Secret
 * itself, kept so that detaching removes it.
 */
export async function importedSideObjects(
  record: ClusterRecord,
  client: ManagementClient,
): Promise<SideObjects> {
  const keep: InventoryItem[] = [
    { apiVersion: 'v1', kind: 'Secret', name: record.imported!.secretName },
  ];
  if (record.imported!.mode === 'read-only') return { apply: [], keep };
  const kubeconfig = await kubeconfigOf(record, client);
  return {
    apply: [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: `${record.name}-kubeconfig`,
          namespace: record.namespace,
          labels: {
            [PALETTE_LABELS.cluster]: record.name,
            'cluster.x-k8s.io/cluster-name': record.name,
          },
        },
        type: 'cluster.x-k8s.io/secret',
        data: { value: Buffer.from(kubeconfig, 'utf8').toString('base64') },
      },
    ],
    keep,
  };
}
