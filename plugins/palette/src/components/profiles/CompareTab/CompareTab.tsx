import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { ProfileDetails } from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../../api/PaletteApi';
import { SelectField } from '../../shared';
import { ProfileDiffView } from './ProfileDiffView';

/** The draft in the version pickers. */
export const DRAFT = 'draft';

/** The pair compared first: latest against the draft, or the two latest. */
export function defaultComparison(profile: ProfileDetails): {
  from: string;
  to: string;
} {
  const versions = profile.versions.map(v => v.version);
  if (profile.hasDraft && versions.length)
    return { from: versions[0], to: DRAFT };
  return { from: versions[1] ?? versions[0] ?? '', to: versions[0] ?? '' };
}

/** Compares two versions of a profile, or a version and the draft. */
export const CompareTab = ({ profile }: { profile: ProfileDetails }) => {
  const paletteApi = useApi(paletteApiRef);
  const [pair, setPair] = useState(() => defaultComparison(profile));
  const versions = profile.versions.map(v => v.version);
  const same = pair.from === pair.to;

  const { value, loading, error } = useAsync(async () => {
    if (!pair.from || !pair.to || same) return undefined;
    return paletteApi.diffProfile(profile.name, pair.from, pair.to);
  }, [paletteApi, profile.name, pair.from, pair.to, profile.draft?.updatedAt]);

  if (!versions.length) {
    return (
      <Alert severity="info">
        Publish a version first: comparing needs a published version.
      </Alert>
    );
  }

  let body;
  if (same) {
    body = (
      <Alert severity="info">Pick two different versions to compare.</Alert>
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading || !value) {
    body = <Progress />;
  } else {
    body = <ProfileDiffView diff={value} />;
  }

  return (
    <>
      <Grid container spacing={2} style={{ marginBottom: 16 }}>
        <Grid item xs={6} sm={3}>
          <SelectField
            id="compare-from"
            label="From"
            value={pair.from}
            onChange={e => setPair(p => ({ ...p, from: e.target.value }))}
            options={versions}
          />
        </Grid>
        <Grid item xs={6} sm={3}>
          <SelectField
            id="compare-to"
            label="To"
            value={pair.to}
            onChange={e => setPair(p => ({ ...p, to: e.target.value }))}
            options={versions}
          >
            {profile.hasDraft && <option value={DRAFT}>Draft</option>}
          </SelectField>
        </Grid>
      </Grid>
      {body}
    </>
  );
};
