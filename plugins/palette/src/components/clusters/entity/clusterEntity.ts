import { Entity } from '@backstage/catalog-model';
import { PALETTE_ANNOTATIONS } from '@palette-backstage/plugin-palette-common';

/**
 * Whether an entity is a cluster (`kind: Resource`, `spec.type:
 * kubernetes-cluster`). @public
 */
export const isPaletteClusterEntity = (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
  entity.spec?.type === 'kubernetes-cluster';

/** The name of the entity's cluster in palette-backend. */
export const clusterNameOf = (entity: Entity) =>
  entity.metadata.annotations?.[PALETTE_ANNOTATIONS.cluster] ??
  entity.metadata.name;
