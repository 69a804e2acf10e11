import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  PACK_LAYER_LABELS,
  PackLayer,
  ProfileDetails,
  ProfileDraftRecord,
  PublishRequest,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { ReactNode, useEffect, useRef, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { ProfilePermissions, usePackCatalog } from '../../../hooks';
import { SelectField } from '../../shared';
import { PublishDialog } from '../PublishDialog';
import {
  errorMessage,
  formatDateTime,
  humanizeOwner,
  layersForProfileType,
  summarizeMessages,
  validationMessagesOf,
} from '../utils';
import {
  EditableLayer,
  EditableVariable,
  insertionIndex,
  newEditableLayer,
  NO_MESSAGES,
  placeMessages,
  PlacedMessages,
  toEditableLayer,
  toEditableVariable,
  toSaveDraftRequest,
} from './draftModel';
import { AddLayerForm, LayerCard } from './LayerCard';
import { MessageList } from './MessageList';
import { VariablesEditor } from './VariablesEditor';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5, 2),
    marginBottom: theme.spacing(2),
    position: 'sticky',
    top: 0,
    zIndex: 2,
  },
  grow: { flex: 1 },
  section: { marginBottom: theme.spacing(3) },
  sectionTitle: { marginBottom: theme.spacing(1) },
  empty: {
    color: theme.palette.text.secondary,
    marginBottom: theme.spacing(1),
  },
}));

const SECTION_TITLES: Record<PackLayer, string> = {
  os: PACK_LAYER_LABELS.os,
  k8s: PACK_LAYER_LABELS.k8s,
  cni: PACK_LAYER_LABELS.cni,
  csi: PACK_LAYER_LABELS.csi,
  addon: 'Add-ons',
};

interface EditorState {
  layers: EditableLayer[];
  variables: EditableVariable[];
  /** The saved draft as a request, to tell unsaved changes. */
  saved: string;
  placed: PlacedMessages;
  /** The messages of the last save or validation. */
  checked?: ValidationMessage[];
}

function stateFromDraft(
  draft: ProfileDraftRecord,
  messages?: ValidationMessage[],
): EditorState {
  const layers = draft.layers.map(toEditableLayer);
  const variables = draft.variables.map(toEditableVariable);
  return {
    layers,
    variables,
    saved: JSON.stringify(toSaveDraftRequest(layers, variables)),
    placed: messages ? placeMessages(messages, layers, variables) : NO_MESSAGES,
    checked: messages,
  };
}

const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-label={title}>
      <Typography variant="h6" className={classes.sectionTitle}>
        {title}
      </Typography>
      {children}
    </section>
  );
};

/** Starts a draft from a published version (or empty, before the first one). */
const NoDraft = ({
  profile,
  canUpdate,
  onProfileChange,
}: {
  profile: ProfileDetails;
  canUpdate: boolean;
  onProfileChange: (profile: ProfileDetails) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [version, setVersion] = useState(
    profile.latestVersion ?? profile.versions[0]?.version ?? '',
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const source = version
        ? await paletteApi.getProfileVersion(profile.name, version)
        : { layers: [], variables: [] };
      const { profile: updated } = await paletteApi.saveDraft(profile.name, {
        layers: source.layers,
        variables: source.variables ?? [],
      });
      alertApi.post({
        message: version
          ? `Started a draft from version ${version}`
          : 'Started an empty draft',
        severity: 'success',
        display: 'transient',
      });
      onProfileChange(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const hasVersions = profile.versions.length > 0;
  let action;
  if (!canUpdate) {
    action = (
      <Typography color="textSecondary">
        Only those allowed to edit this profile can start a draft; ask{' '}
        {humanizeOwner(profile.owner)}.
      </Typography>
    );
  } else {
    action = (
      <Box display="flex" alignItems="center" gridGap={16} flexWrap="wrap">
        {hasVersions && (
          <SelectField
            id="draft-base-version"
            label="Start from version"
            value={version}
            onChange={e => setVersion(e.target.value)}
            disabled={busy}
            fullWidth={false}
            options={profile.versions.map(v => ({
              value: v.version,
              label: v.deprecated ? `${v.version} (deprecated)` : v.version,
            }))}
          />
        )}
        <Button
          variant="contained"
          color="primary"
          onClick={start}
          disabled={busy}
        >
          {hasVersions ? 'Create draft from version' : 'Start an empty draft'}
        </Button>
        {busy && <LinearProgress style={{ width: 160 }} />}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </Box>
    );
  }
  return (
    <EmptyState
      missing="content"
      title="No draft"
      description={
        hasVersions
          ? 'Changes are made in a draft and published as a new version. Start a draft from a published version to change this profile.'
          : 'This profile has no draft and no published version yet.'
      }
      action={action}
    />
  );
};

/**
 * The draft of a profile: its layers grouped by kind (OS, Kubernetes, CNI,
 * CSI, add-ons), each with its pack, version and values, its variables,
 * and saving, validating and publishing it.
 */
export const DraftEditor = ({
  profile,
  permissions,
  onProfileChange,
}: {
  profile: ProfileDetails;
  permissions: Pick<ProfilePermissions, 'canUpdate' | 'canPublish'>;
  onProfileChange: (profile: ProfileDetails) => void;
}) => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const categories = layersForProfileType(profile.type);
  const catalog = usePackCatalog(profile.cloudType, categories);
  const readOnly = !permissions.canUpdate;

  const [state, setState] = useState<EditorState | undefined>(() =>
    profile.draft ? stateFromDraft(profile.draft) : undefined,
  );
  // The draft version the editor holds, to tell outside changes from ours.
  const known = useRef(profile.draft?.updatedAt);
  useEffect(() => {
    if (profile.draft?.updatedAt !== known.current) {
      known.current = profile.draft?.updatedAt;
      setState(profile.draft ? stateFromDraft(profile.draft) : undefined);
    }
  }, [profile.draft]);

  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [publishOpen, setPublishOpen] = useState(false);

  if (!profile.draft || !state) {
    return (
      <NoDraft
        profile={profile}
        canUpdate={permissions.canUpdate}
        onProfileChange={onProfileChange}
      />
    );
  }

  const request = toSaveDraftRequest(state.layers, state.variables);
  const dirty = JSON.stringify(request) !== state.saved;
  const categoryOf = (packName: string) => catalog.byName.get(packName)?.layer;

  const update = (changes: Partial<EditorState>) =>
    setState(s => (s ? { ...s, ...changes } : s));
  const setLayers = (layers: EditableLayer[]) => update({ layers });
  const changeLayer = (layer: EditableLayer) =>
    setLayers(state.layers.map(l => (l.id === layer.id ? layer : l)));
  const removeLayer = (id: string) =>
    setLayers(state.layers.filter(l => l.id !== id));
  const addLayer = (category: PackLayer, packName: string, version: string) => {
    const layers = [...state.layers];
    layers.splice(
      insertionIndex(layers, categoryOf, category),
      0,
      newEditableLayer(packName, version),
    );
    setLayers(layers);
  };
  const moveAddon = (id: string, by: -1 | 1) => {
    const positions = state.layers
      .map((l, i) => (categoryOf(l.packName) === 'addon' ? i : -1))
      .filter(i => i >= 0);
    const at = positions.findIndex(i => state.layers[i].id === id);
    const other = positions[at + by];
    if (other === undefined) return;
    const layers = [...state.layers];
    [layers[positions[at]], layers[other]] = [
      layers[other],
      layers[positions[at]],
    ];
    setLayers(layers);
  };

  /** Saves the draft; returns its messages. */
  const save = async (): Promise<ValidationMessage[]> => {
    const result = await paletteApi.saveDraft(profile.name, request);
    known.current = result.profile.draft?.updatedAt;
    setState(
      result.profile.draft
        ? stateFromDraft(result.profile.draft, result.messages)
        : undefined,
    );
    onProfileChange(result.profile);
    return result.messages;
  };

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const onSave = () =>
    run('Saving draft…', async () => {
      const messages = await save();
      alertApi.post({
        message: `Draft saved: ${summarizeMessages(messages)}`,
        severity: messages.some(m => m.severity === 'error')
          ? 'warning'
          : 'success',
        display: 'transient',
      });
    });

  const onValidate = () =>
    run(
      dirty ? 'Saving and validating draft…' : 'Validating draft…',
      async () => {
        let messages: ValidationMessage[];
        if (dirty) {
          messages = await save();
        } else {
          ({ messages } = await paletteApi.validateDraft(profile.name));
          update({
            placed: placeMessages(messages, state.layers, state.variables),
            checked: messages,
          });
        }
        alertApi.post({
          message: `Validation: ${summarizeMessages(messages)}`,
          severity: messages.some(m => m.severity === 'error')
            ? 'warning'
            : 'success',
          display: 'transient',
        });
      },
    );

  const onPublish = async (publishRequest: PublishRequest) => {
    setBusy(`Publishing ${publishRequest.version}…`);
    try {
      if (dirty) await save();
      const published = await paletteApi.publish(profile.name, publishRequest);
      alertApi.post({
        message: `Published ${profile.name} ${publishRequest.version}`,
        severity: 'success',
        display: 'transient',
      });
      onProfileChange(published);
    } catch (e) {
      let messages = validationMessagesOf(e);
      // A refused draft: the reply names the problems in prose only, so
      // validate to show each under its layer or variable.
      if (!messages.length && ResponseError.is(e) && e.statusCode === 400) {
        messages = await paletteApi.validateDraft(profile.name).then(
          r => r.messages,
          () => [],
        );
      }
      if (messages.length) {
        update({
          placed: placeMessages(messages, state.layers, state.variables),
          checked: messages,
        });
      }
      throw e;
    } finally {
      setBusy(undefined);
    }
  };

  const layerCard = (
    layer: EditableLayer,
    extra: Partial<Parameters<typeof LayerCard>[0]> = {},
  ) => {
    const category = categoryOf(layer.packName);
    return (
      <LayerCard
        key={layer.id}
        layer={layer}
        category={category}
        packs={category ? catalog.byLayer[category] ?? [] : []}
        catalogPack={catalog.byName.get(layer.packName)}
        readOnly={readOnly}
        messages={state.placed.byLayer[layer.id] ?? []}
        onChange={changeLayer}
        onRemove={() => removeLayer(layer.id)}
        {...extra}
      />
    );
  };

  let layersView;
  if (catalog.error) {
    layersView = (
      <ResponseErrorPanel error={catalog.error} title="Could not load packs" />
    );
  } else if (catalog.loading && !catalog.byName.size) {
    layersView = <Progress />;
  } else {
    const unknown = state.layers.filter(l => !categoryOf(l.packName));
    layersView = (
      <>
        {categories.map(category => {
          const inCategory = state.layers.filter(
            l => categoryOf(l.packName) === category,
          );
          const packs = catalog.byLayer[category] ?? [];
          if (category === 'addon') {
            const used = new Set(inCategory.map(l => l.packName));
            return (
              <Section key={category} title={SECTION_TITLES[category]}>
                {!inCategory.length && (
                  <Typography className={classes.empty}>No add-ons.</Typography>
                )}
                {inCategory.map((layer, i) =>
                  layerCard(layer, {
                    onMoveUp: i > 0 ? () => moveAddon(layer.id, -1) : undefined,
                    onMoveDown:
                      i < inCategory.length - 1
                        ? () => moveAddon(layer.id, 1)
                        : undefined,
                  }),
                )}
                {!readOnly && (
                  <AddLayerForm
                    category="addon"
                    packs={packs.filter(p => !used.has(p.name))}
                    loading={catalog.loading}
                    onAdd={(name, version) => addLayer('addon', name, version)}
                  />
                )}
              </Section>
            );
          }
          return (
            <Section key={category} title={SECTION_TITLES[category]}>
              {inCategory.map(layer => layerCard(layer))}
              {!inCategory.length &&
                (readOnly ? (
                  <Typography className={classes.empty}>
                    No {PACK_LAYER_LABELS[category]} layer.
                  </Typography>
                ) : (
                  <AddLayerForm
                    category={category}
                    packs={packs}
                    loading={catalog.loading}
                    onAdd={(name, version) => addLayer(category, name, version)}
                  />
                ))}
            </Section>
          );
        })}
        {unknown.length > 0 && (
          <Section title="Other layers">
            {unknown.map(layer => layerCard(layer))}
          </Section>
        )}
      </>
    );
  }

  const checked = state.checked;
  const errors = checked?.filter(m => m.severity === 'error').length ?? 0;
  let checkSeverity: 'error' | 'warning' | 'success' = 'success';
  if (errors) checkSeverity = 'error';
  else if (checked?.some(m => m.severity === 'warning'))
    checkSeverity = 'warning';
  let publishBlocked: string | undefined;
  if (!permissions.canPublish)
    publishBlocked =
      'You do not have permission to publish versions of this profile';
  else if (!state.layers.length)
    publishBlocked = 'Add layers before publishing';

  return (
    <div>
      <Paper className={classes.toolbar}>
        <div className={classes.grow}>
          <Typography variant="body2">
            {profile.draft.baseVersion
              ? `Draft based on ${profile.draft.baseVersion}`
              : 'Draft'}{' '}
            · last saved by {humanizeOwner(profile.draft.updatedBy)},{' '}
            {formatDateTime(profile.draft.updatedAt)}
          </Typography>
        </div>
        {dirty && (
          <Chip size="small" color="secondary" label="Unsaved changes" />
        )}
        {readOnly && (
          <Chip
            size="small"
            label="Read-only"
            title="You do not have permission to edit this profile"
          />
        )}
        {permissions.canUpdate && (
          <>
            <Button
              variant="outlined"
              color="primary"
              onClick={onValidate}
              disabled={!!busy}
            >
              Validate
            </Button>
            <Button
              variant="contained"
              color="primary"
              onClick={onSave}
              disabled={!!busy || !dirty}
            >
              Save
            </Button>
          </>
        )}
        <Tooltip title={publishBlocked ?? ''}>
          <span>
            <Button
              variant="contained"
              color="secondary"
              onClick={() => setPublishOpen(true)}
              disabled={!!busy || !!publishBlocked}
            >
              Publish
            </Button>
          </span>
        </Tooltip>
      </Paper>
      {busy && (
        <Box mb={2} role="status">
          <Typography variant="body2">{busy}</Typography>
          <LinearProgress />
        </Box>
      )}
      {error && (
        <Box mb={2}>
          <Alert
            severity="error"
            role="alert"
            onClose={() => setError(undefined)}
          >
            <span style={{ whiteSpace: 'pre-wrap' }}>{error}</span>
          </Alert>
        </Box>
      )}
      {checked && (
        <Box mb={2}>
          <Alert severity={checkSeverity}>
            {errors
              ? `Validation found ${summarizeMessages(
                  checked,
                )}. Fix the errors before publishing; each message is shown with the layer or variable it is about.`
              : `The draft can be published (${summarizeMessages(checked)}).`}
            <MessageList
              label="Messages about the profile"
              messages={state.placed.general.map(message => ({ message }))}
            />
          </Alert>
        </Box>
      )}
      {layersView}
      <Divider />
      <Section title="Variables">
        <VariablesEditor
          variables={state.variables}
          onChange={variables => update({ variables })}
          readOnly={readOnly}
          messages={state.placed.byVariable}
        />
      </Section>
      <PublishDialog
        open={publishOpen}
        profileName={profile.name}
        previousVersion={profile.versions[0]?.version}
        unsavedChanges={dirty}
        onPublish={onPublish}
        onClose={() => setPublishOpen(false)}
      />
    </div>
  );
};
