import {
  compareKubernetesMinor,
  kubernetesMinorOf,
  Pack,
} from '@palette-backstage/plugin-palette-common';

/** Which Kubernetes minors the product supports, and when minors reached end of life. */
export interface KubernetesSupport {
  /** Newest first, e.g. `['1.35', '1.34', '1.33']`. */
  supportedMinors: string[];
  /** `YYYY-MM-DD` per minor, for minors whose end of life is known. */
  endOfLife: Record<string, string>;
}

// The curated packs state upstream end of life in their deprecation message
// ("Kubernetes 1.31 reached end of life upstream on 2025-10-28."). Managed
// services' "left standard support" is not end of life: they keep patching.
const END_OF_LIFE = /end of life\b[^.]*?\b(\d{4}-\d{2}-\d{2})/i;

/**
 * Derives the supported window (the newest `supportedMinors` minors offered
 * by any Kubernetes pack) and the end-of-life dates from the pack registry,
 * so that curating packs is all it takes to move the window.
 */
export function kubernetesSupportFromPacks(
  packs: readonly Pack[],
  supportedMinors: number,
): KubernetesSupport {
  const minors = new Set<string>();
  const endOfLife: Record<string, string> = {};
  for (const pack of packs) {
    if (pack.kind.type !== 'kubernetes') continue;
    const minor = kubernetesMinorOf(pack.kind.kubernetesVersion);
    if (!minor) continue;
    minors.add(minor);
    const eol = pack.deprecationMessage?.match(END_OF_LIFE)?.[1];
    if (eol && (!endOfLife[minor] || eol < endOfLife[minor]))
      endOfLife[minor] = eol;
  }
  return {
    supportedMinors: [...minors]
      .sort((a, b) => compareKubernetesMinor(b, a))
      .slice(0, supportedMinors),
    endOfLife,
  };
}
