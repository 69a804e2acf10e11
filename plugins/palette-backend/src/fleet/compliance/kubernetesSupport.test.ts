import { PackRegistry } from '../../packs';
import { kubernetesSupportFromPacks } from './kubernetesSupport';

describe('kubernetesSupportFromPacks', () => {
  const packs = PackRegistry.withBuiltinPacks().list({ layer: 'k8s' });

  it('supports the newest minors among the Kubernetes packs', () => {
    const support = kubernetesSupportFromPacks(packs, 3);
    expect(support.supportedMinors).toHaveLength(3);
    const [newest, , oldest] = support.supportedMinors;
    expect(Number(newest.split('.')[1])).toBe(Number(oldest.split('.')[1]) + 2);
    expect(kubernetesSupportFromPacks(packs, 1).supportedMinors).toEqual([
      newest,
    ]);
  });

  it('reads upstream end-of-life dates from deprecation messages, not managed support dates', () => {
    const { endOfLife } = kubernetesSupportFromPacks(packs, 3);
    expect(endOfLife).toMatchObject({
      '1.31': '2025-10-28',
      '1.32': '2026-02-28',
      '1.33': '2026-06-28',
    });
    expect(endOfLife['1.34']).toBeUndefined();
  });
});
