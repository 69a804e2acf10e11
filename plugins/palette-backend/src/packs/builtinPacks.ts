import type { Pack } from '@palette-backstage/plugin-palette-common';
import { ADDON_PACKS } from './addonPacks';
import { CNI_PACKS } from './cniPacks';
import { CSI_PACKS } from './csiPacks';
import { KUBERNETES_PACKS } from './kubernetesPacks';
import { OS_PACKS } from './osPacks';

/**
 * Every curated pack version, by layer: OS, Kubernetes, CNI, CSI, add-ons.
 *
 * Versions were taken from the projects' release pages and changelogs
 * (mid/late 2026); where a chart and its application are versioned apart, the
 * pack version is the application's and `kind.chartVersion` the chart's,
 * except for umbrella charts with no single application version
 * (kube-prometheus-stack, Loki, the OpenStack Cinder chart).
 *
 * @public
 */
export const BUILTIN_PACKS: readonly Pack[] = [
  ...OS_PACKS,
  ...KUBERNETES_PACKS,
  ...CNI_PACKS,
  ...CSI_PACKS,
  ...ADDON_PACKS,
];
