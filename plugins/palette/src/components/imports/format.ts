import { CloudType } from '@palette-backstage/plugin-palette-common';
import { CLOUD_TYPE_LABELS } from '../profiles/utils';

/** `Amazon EKS` for `eks`; discovery may name clouds Palette has no label for. */
export const providerLabel = (provider: string) =>
  CLOUD_TYPE_LABELS[provider as CloudType] ?? provider;

/** `AWS · eu-west-1`, `AWS`, or nothing when neither is known. */
export function placementText(provider?: string, region?: string) {
  return [provider && providerLabel(provider), region]
    .filter(Boolean)
    .join(' · ');
}

/** `16 GiB`, `7.5 GiB`. */
export const formatGiB = (gib: number) =>
  `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GiB`;
