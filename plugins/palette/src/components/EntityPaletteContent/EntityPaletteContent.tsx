import {
  EmptyState,
  InfoCard,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import { PALETTE_ANNOTATIONS } from '@palette-backstage/plugin-palette-common';
import { Link as RouterLink } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import {
  EntityClusterContent,
  isPaletteClusterEntity,
} from '../clusters/entity';

const LABELS: Record<string, string> = {
  [PALETTE_ANNOTATIONS.phase]: 'Lifecycle phase',
  [PALETTE_ANNOTATIONS.profile]: 'Profile',
  [PALETTE_ANNOTATIONS.cloudType]: 'Cloud type',
  [PALETTE_ANNOTATIONS.latestVersion]: 'Latest version',
};

/** Whether an entity is a cluster or profile that Palette manages. @public */
export const isPaletteEntity = (entity: {
  metadata: { annotations?: Record<string, string> };
}) =>
  Object.values(PALETTE_ANNOTATIONS).some(
    key => entity.metadata.annotations?.[key] !== undefined,
  );

/** The Palette annotations an entity carries. */
const PaletteAnnotations = () => {
  const { entity } = useEntity();
  const paletteLink = useRouteRef(rootRouteRef);
  const annotations = entity.metadata.annotations ?? {};
  const known = Object.entries(LABELS).filter(
    ([key]) => annotations[key] !== undefined,
  );

  if (!known.length) {
    return (
      <EmptyState
        missing="info"
        title="Palette does not manage this entity"
        description="Clusters and cluster profiles created through Palette show their profile, lifecycle and versions here."
        action={
          <Button
            variant="contained"
            color="primary"
            component={RouterLink}
            to={paletteLink()}
          >
            Open Palette
          </Button>
        }
      />
    );
  }
  return (
    <InfoCard title="Palette">
      <StructuredMetadataTable
        metadata={Object.fromEntries(
          known.map(([key, label]) => [label, annotations[key]]),
        )}
      />
    </InfoCard>
  );
};

/**
 * The Palette tab of a Palette entity: a cluster's live lifecycle, else the
 * Palette annotations the entity carries.
 */
export const EntityPaletteContent = () => {
  const { entity } = useEntity();
  if (isPaletteClusterEntity(entity)) return <EntityClusterContent />;
  return <PaletteAnnotations />;
};
