import {
  managedByAnnotations,
  palettePageLinks,
  toCatalogTag,
  toCatalogTags,
} from './entityParts';

describe('entityParts', () => {
  it('turns words into valid catalog tags or nothing', () => {
    expect(toCatalogTag('K8s.io')).toBe('k8s-io');
    expect(toCatalogTag('-edge-')).toBe('edge');
    expect(toCatalogTag('---')).toBeUndefined();
    expect(toCatalogTag('x'.repeat(64))).toBeUndefined();
  });

  it('keeps distinct valid tags in first-seen order', () => {
    expect(
      toCatalogTags(['aws', 'Production', 'production', '.', 'aws']),
    ).toEqual(['aws', 'production']);
  });

  it('sets both managed-by annotations to the location key', () => {
    expect(managedByAnnotations('palette:clusters')).toEqual({
      'backstage.io/managed-by-location': 'palette:clusters',
      'backstage.io/managed-by-origin-location': 'palette:clusters',
    });
  });

  it('links a Palette page below the app base URL, or nothing without one', () => {
    const link = { title: 'Open in Palette', type: 'palette-cluster' };
    expect(
      palettePageLinks('https://portal.example.com//', 'clusters/a', link),
    ).toEqual([
      {
        url: 'https://portal.example.com/palette/clusters/a',
        title: 'Open in Palette',
        type: 'palette-cluster',
      },
    ]);
    expect(palettePageLinks(undefined, 'clusters/a', link)).toEqual([]);
    expect(palettePageLinks('', 'clusters/a', link)).toEqual([]);
  });
});
