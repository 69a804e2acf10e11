import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import {
  PACK_LAYER_LABELS,
  PackLayer,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { CatalogPack } from '../../../hooks';
import { SelectField } from '../../shared';
import { lineOfMessage } from '../utils';
import { EditableLayer, PlacedMessage } from './draftModel';
import { MessageList } from './MessageList';
import { markersByLine, ValuesEditor } from './ValuesEditor';

const useStyles = makeStyles(theme => ({
  card: { padding: theme.spacing(2), marginBottom: theme.spacing(1.5) },
  header: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  grow: { flex: 1 },
  defaults: {
    font: '12px/18px monospace',
    whiteSpace: 'pre',
    overflow: 'auto',
    maxHeight: 300,
    padding: theme.spacing(1),
    backgroundColor: theme.palette.background.default,
    border: `1px dashed ${theme.palette.divider}`,
  },
}));

/** The version a pack is added at: the newest that is not deprecated. */
export function defaultVersion(pack: CatalogPack | undefined): string {
  if (!pack) return '';
  return (pack.versions.find(v => !v.deprecated) ?? pack.versions[0])?.version;
}

const packOption = (p: { name: string; displayName: string }) => ({
  value: p.name,
  label: p.displayName,
});

const versionOption = (v: { version: string; deprecated?: boolean }) => ({
  value: v.version,
  label: v.deprecated ? `${v.version} (deprecated)` : v.version,
});

/** One layer of the draft: its pack, version, values and messages. */
export const LayerCard = ({
  layer,
  category,
  packs,
  catalogPack,
  readOnly,
  messages,
  onChange,
  onRemove,
  onMoveUp,
  onMoveDown,
}: {
  layer: EditableLayer;
  /** The layer's kind, from its pack; undefined when the pack is unknown. */
  category?: PackLayer;
  /** The packs the layer may switch to. */
  packs: CatalogPack[];
  catalogPack?: CatalogPack;
  readOnly: boolean;
  messages: PlacedMessage[];
  onChange: (layer: EditableLayer) => void;
  onRemove: () => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}) => {
  const classes = useStyles();
  const [showDefaults, setShowDefaults] = useState(false);
  const kind = category ? PACK_LAYER_LABELS[category] : 'Layer';
  const selectedVersion = catalogPack?.versions.find(
    v => v.version === layer.packVersion,
  );
  const located = messages.map(m => ({
    message: m.message,
    line: m.values
      ? lineOfMessage(m.message, layer.values, m.valuesPath)
      : undefined,
  }));
  const markers = markersByLine(
    located.map(m => ({
      line: m.line,
      severity: m.message.severity,
      text: m.message.message,
    })),
  );
  const packOptions = catalogPack
    ? packs
    : [
        {
          name: layer.packName,
          displayName: `${layer.packName} (not available)`,
        },
        ...packs,
      ];
  const versionOptions = catalogPack?.versions ?? [];
  const versionKnown = versionOptions.some(
    v => v.version === layer.packVersion,
  );

  return (
    <Paper
      variant="outlined"
      className={classes.card}
      role="group"
      aria-label={`${kind} layer ${layer.packName}`}
    >
      <div className={classes.header}>
        <Typography variant="subtitle2">{kind}</Typography>
        <div className={classes.grow} />
        {!readOnly && onMoveUp && (
          <Tooltip title="Install earlier">
            <IconButton size="small" aria-label="Move up" onClick={onMoveUp}>
              <ArrowUpwardIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
        {!readOnly && onMoveDown && (
          <Tooltip title="Install later">
            <IconButton
              size="small"
              aria-label="Move down"
              onClick={onMoveDown}
            >
              <ArrowDownwardIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
        {!readOnly && (
          <Tooltip title="Remove this layer">
            <IconButton
              size="small"
              aria-label={`Remove ${layer.packName}`}
              onClick={onRemove}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </div>
      <Grid container spacing={2}>
        <Grid item xs={12} sm={6}>
          <SelectField
            id={`${layer.id}-pack`}
            label="Pack"
            value={layer.packName}
            disabled={readOnly}
            margin="dense"
            onChange={e => {
              const pack = packs.find(p => p.name === e.target.value);
              onChange({
                ...layer,
                packName: e.target.value,
                packVersion: defaultVersion(pack) || layer.packVersion,
              });
            }}
            helperText={catalogPack?.description}
            options={packOptions.map(packOption)}
          />
        </Grid>
        <Grid item xs={12} sm={6}>
          <SelectField
            id={`${layer.id}-version`}
            label="Version"
            value={layer.packVersion}
            disabled={readOnly}
            margin="dense"
            onChange={e => onChange({ ...layer, packVersion: e.target.value })}
            helperText={selectedVersion?.deprecationMessage}
            options={versionOptions.map(versionOption)}
          >
            {!versionKnown && (
              <option value={layer.packVersion}>{layer.packVersion}</option>
            )}
          </SelectField>
        </Grid>
      </Grid>
      {!catalogPack && (
        <Alert severity="warning">
          The pack {layer.packName} is not in the registry for this profile's
          cloud type. Choose another pack or remove the layer.
        </Alert>
      )}
      <Typography variant="caption" component="div" gutterBottom>
        Values (YAML overrides of the pack defaults)
      </Typography>
      <ValuesEditor
        id={`${layer.id}-values`}
        label={`Values for ${layer.packName}`}
        value={layer.values}
        onChange={values => onChange({ ...layer, values })}
        readOnly={readOnly}
        markers={markers}
        placeholder={
          readOnly ? 'No overrides' : '# Overrides of the pack defaults'
        }
      />
      {selectedVersion?.defaultValues && (
        <>
          <Button size="small" onClick={() => setShowDefaults(s => !s)}>
            {showDefaults ? 'Hide pack defaults' : 'Show pack defaults'}
          </Button>
          {showDefaults && (
            <pre
              className={classes.defaults}
              aria-label={`Defaults of ${layer.packName}`}
            >
              {selectedVersion.defaultValues}
            </pre>
          )}
        </>
      )}
      <MessageList
        messages={located}
        label={`Messages about ${layer.packName}`}
      />
    </Paper>
  );
};

/** Picks a pack and version to add as a layer. */
export const AddLayerForm = ({
  category,
  packs,
  loading,
  onAdd,
}: {
  category: PackLayer;
  packs: CatalogPack[];
  loading: boolean;
  onAdd: (packName: string, packVersion: string) => void;
}) => {
  const [packName, setPackName] = useState('');
  const [version, setVersion] = useState('');
  const pack = packs.find(p => p.name === packName);
  const label =
    category === 'addon'
      ? 'Add an add-on'
      : `Add a ${PACK_LAYER_LABELS[category]} layer`;
  const id = `add-${category}`;
  return (
    <Grid
      container
      spacing={2}
      alignItems="center"
      role="group"
      aria-label={label}
    >
      <Grid item xs={12} sm={5}>
        <SelectField
          id={`${id}-pack`}
          label="Pack"
          value={packName}
          margin="dense"
          disabled={loading || !packs.length}
          helperText={
            !loading && !packs.length
              ? 'No pack of this layer supports the cloud type'
              : pack?.description
          }
          onChange={e => {
            setPackName(e.target.value);
            setVersion(
              defaultVersion(packs.find(p => p.name === e.target.value)),
            );
          }}
          emptyLabel={loading ? 'Loading packs…' : 'Choose a pack'}
          options={packs.map(packOption)}
        />
      </Grid>
      <Grid item xs={8} sm={4}>
        <SelectField
          id={`${id}-version`}
          label="Version"
          value={version}
          margin="dense"
          disabled={!pack}
          onChange={e => setVersion(e.target.value)}
          emptyLabel={pack ? undefined : '—'}
          options={pack?.versions.map(versionOption)}
        />
      </Grid>
      <Grid item xs={4} sm={3}>
        <Button
          variant="outlined"
          color="primary"
          startIcon={<AddIcon />}
          disabled={!pack || !version}
          onClick={() => {
            onAdd(packName, version);
            setPackName('');
            setVersion('');
          }}
        >
          Add
        </Button>
      </Grid>
    </Grid>
  );
};
