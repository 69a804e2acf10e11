import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import {
  PACK_LAYER_LABELS,
  PackLayer,
  packLayerSchema,
  ProfileSummary,
} from '@palette-backstage/plugin-palette-common';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
}));

const layerLabel = (layer: string) =>
  packLayerSchema.safeParse(layer).success
    ? PACK_LAYER_LABELS[layer as PackLayer]
    : layer;

/** The core layers of a profile as small chips: `ubuntu 24.4.4`. */
export const LayerSummaryChips = ({
  layers,
}: {
  layers: ProfileSummary['layerSummary'];
}) => {
  const classes = useStyles();
  if (!layers.length) return <>—</>;
  return (
    <div className={classes.chips}>
      {layers.map(l => (
        <Tooltip
          key={`${l.layer}-${l.packName}`}
          title={`${layerLabel(l.layer)}: ${l.packName} ${l.packVersion}`}
        >
          <Chip
            size="small"
            variant="outlined"
            label={`${l.packName} ${l.packVersion}`}
          />
        </Tooltip>
      ))}
    </div>
  );
};

/** Tags as chips, at most `max` of them and a `+N`. */
export const TagChips = ({
  tags,
  max = 3,
}: {
  tags: string[];
  max?: number;
}) => {
  const classes = useStyles();
  if (!tags.length) return <>—</>;
  const shown = tags.slice(0, max);
  return (
    <div className={classes.chips}>
      {shown.map(tag => (
        <Chip key={tag} size="small" label={tag} />
      ))}
      {tags.length > max && (
        <Tooltip title={tags.slice(max).join(', ')}>
          <Chip size="small" label={`+${tags.length - max}`} />
        </Tooltip>
      )}
    </div>
  );
};

/** Marks a profile that has unpublished changes. */
export const DraftBadge = () => (
  <Tooltip title="This profile has an unpublished draft">
    <Chip size="small" color="secondary" label="Draft" />
  </Tooltip>
);

/** Marks a deprecated version. */
export const DeprecatedChip = () => (
  <Tooltip title="Existing clusters keep running it; new clusters cannot use it">
    <Chip size="small" label="Deprecated" />
  </Tooltip>
);
