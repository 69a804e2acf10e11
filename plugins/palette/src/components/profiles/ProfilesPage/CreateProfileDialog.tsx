import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  CLOUD_TYPES,
  CloudType,
  createProfileRequestSchema,
  ProfileDetails,
  ProfileType,
  profileTypeSchema,
} from '@palette-backstage/plugin-palette-common';
import { FormEvent, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { useDefaultOwner } from '../../../hooks';
import { FormDialog, useBusyAction } from '../../shared';
import {
  CLOUD_TYPE_LABELS,
  normalizeOwnerRef,
  PROFILE_TYPE_DESCRIPTIONS,
  PROFILE_TYPE_LABELS,
} from '../utils';

interface FormState {
  name: string;
  displayName: string;
  description: string;
  type: ProfileType;
  cloudType: CloudType;
  owner: string;
  tags: string;
}

const EMPTY: FormState = {
  name: '',
  displayName: '',
  description: '',
  type: 'infra',
  cloudType: 'aws',
  owner: '',
  tags: '',
};

type FieldErrors = Partial<Record<keyof FormState, string>>;

/** Checks the form with the API's own schema; returns the request or errors. */
export function validateCreateForm(form: FormState) {
  const errors: FieldErrors = {};
  const owner = normalizeOwnerRef(form.owner);
  if (!form.owner.trim()) errors.owner = 'An owning group is required';
  else if (!owner)
    errors.owner = 'Must be a group such as platform-team or group:default/x';
  const tags = form.tags
    .split(/[\s,]+/)
    .map(t => t.trim())
    .filter(Boolean);
  const parsed = createProfileRequestSchema.safeParse({
    name: form.name.trim(),
    displayName: form.displayName.trim() || undefined,
    description: form.description.trim() || undefined,
    type: form.type,
    cloudType: form.cloudType,
    owner: owner ?? '',
    tags,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof FormState;
      if (field && !errors[field]) {
        const prefix =
          field === 'tags' && typeof issue.path[1] === 'number'
            ? `"${tags[issue.path[1]]}" `
            : '';
        errors[field] =
          field === 'name' && !form.name.trim()
            ? 'A name is required'
            : `${prefix}${issue.message}`;
      }
    }
  }
  if (Object.keys(errors).length || !parsed.success)
    return { errors, request: undefined };
  return { errors, request: parsed.data };
}

/** Asks for a new profile's name, type, cloud, owner and tags, and creates it. */
export const CreateProfileDialog = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (profile: ProfileDetails) => void;
}) => {
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const { busy, failure, setFailure, run } = useBusyAction();

  // Suggest the user's first group as the owner.
  useDefaultOwner(open, group =>
    setForm(f => (f.owner ? f : { ...f, owner: group })),
  );

  const set =
    (field: keyof FormState) => (event: { target: { value: string } }) => {
      const next = { ...form, [field]: event.target.value };
      setForm(next);
      if (submitted) setErrors(validateCreateForm(next).errors);
    };

  const close = () => {
    if (busy) return;
    setForm(EMPTY);
    setErrors({});
    setSubmitted(false);
    setFailure(undefined);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const { errors: found, request } = validateCreateForm(form);
    setErrors(found);
    if (!request) return;
    await run(
      async () => {
        const profile = await paletteApi.createProfile(request);
        alertApi.post({
          message: `Created profile ${profile.name}`,
          severity: 'success',
          display: 'transient',
        });
        return profile;
      },
      profile => {
        setForm(EMPTY);
        setSubmitted(false);
        onCreated(profile);
      },
    );
  };

  const field = (
    key: keyof FormState,
    label: string,
    props: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      fullWidth
      margin="dense"
      variant="outlined"
      {...props}
      id={`create-profile-${key}`}
      label={label}
      value={form[key]}
      onChange={set(key)}
      error={!!errors[key]}
      helperText={errors[key] ?? props.helperText}
      disabled={busy}
    />
  );

  return (
    <FormDialog
      open={open}
      onClose={close}
      busy={busy}
      titleId="create-profile-title"
      title="Create a cluster profile"
      formLabel="Create profile"
      onSubmit={submit}
      failure={failure}
      progressLabel="Creating profile"
      actionLabel={busy ? 'Creating…' : 'Create'}
    >
      <Grid container spacing={1}>
        <Grid item xs={12} sm={6}>
          {field('name', 'Name', {
            required: true,
            autoFocus: true,
            helperText: 'Lower-case letters, digits and dashes, e.g. aws-infra',
          })}
        </Grid>
        <Grid item xs={12} sm={6}>
          {field('displayName', 'Display name')}
        </Grid>
        <Grid item xs={12}>
          {field('description', 'Description', {
            multiline: true,
            minRows: 2,
          })}
        </Grid>
        <Grid item xs={12} sm={6}>
          {field('type', 'Type', {
            select: true,
            SelectProps: { native: true },
            helperText: PROFILE_TYPE_DESCRIPTIONS[form.type],
            children: profileTypeSchema.options.map(t => (
              <option key={t} value={t}>
                {PROFILE_TYPE_LABELS[t]}
              </option>
            )),
          })}
        </Grid>
        <Grid item xs={12} sm={6}>
          {field('cloudType', 'Cloud type', {
            select: true,
            SelectProps: { native: true },
            children: CLOUD_TYPES.map(c => (
              <option key={c} value={c}>
                {CLOUD_TYPE_LABELS[c]}
              </option>
            )),
          })}
        </Grid>
        <Grid item xs={12} sm={6}>
          {field('owner', 'Owner group', {
            required: true,
            helperText: 'The group that maintains it, e.g. platform-team',
          })}
        </Grid>
        <Grid item xs={12} sm={6}>
          {field('tags', 'Tags', {
            helperText: 'Comma-separated, e.g. production, pci',
          })}
        </Grid>
      </Grid>
    </FormDialog>
  );
};
