import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  SENSITIVE_VALUE_MASK,
  ProfileDetails,
  ProfileVersion,
} from '@palette-backstage/plugin-palette-common';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../api/PaletteApi';
import { profileRouteRef, profilesRouteRef } from '../../routes';
import { DeprecatedChip } from '../profiles/ProfileChips';
import { SimpleTable } from '../shared';
import {
  CLOUD_TYPE_LABELS,
  formatDateTime,
  humanizeOwner,
  PROFILE_TYPE_LABELS,
} from '../profiles/utils';

/** Whether an entity is a cluster profile (`spec.type: cluster-profile`). @public */
export const isPaletteProfileEntity = (entity: {
  spec?: { [key: string]: unknown };
}) => entity.spec?.type === 'cluster-profile';

const LayersCard = ({
  profile,
  version,
}: {
  profile: ProfileDetails;
  version?: ProfileVersion;
}) => {
  if (!version) {
    return (
      <InfoCard title="Layers">
        <Typography color="textSecondary">
          {profile.name} has no published version yet
          {profile.hasDraft ? '; its draft is being worked on.' : '.'}
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={`Layers of ${version.version}`}
      subheader={`${PROFILE_TYPE_LABELS[profile.type]} profile for ${
        CLOUD_TYPE_LABELS[profile.cloudType]
      }, in install order`}
      noPadding
    >
      <SimpleTable
        label="Layers"
        rows={version.layers}
        rowKey={layer => layer.packName}
        columns={[
          { title: '#', value: (_layer, i) => i + 1 },
          { title: 'Pack', value: layer => layer.packName },
          { title: 'Version', value: layer => layer.packVersion },
          {
            title: 'Values',
            value: layer =>
              layer.values?.trim() ? 'Overridden' : 'Pack defaults',
          },
        ]}
      />
    </InfoCard>
  );
};

const VersionsCard = ({ profile }: { profile: ProfileDetails }) => (
  <InfoCard title="Versions" noPadding>
    {profile.versions.length ? (
      <SimpleTable
        label="Versions"
        rows={profile.versions}
        rowKey={v => v.version}
        columns={[
          {
            title: 'Version',
            value: v => (
              <>
                {v.version} {v.deprecated && <DeprecatedChip />}
              </>
            ),
          },
          { title: 'Change note', value: v => v.changeNote },
          {
            title: 'Published',
            value: v => (
              <>
                {formatDateTime(v.publishedAt)} by{' '}
                {humanizeOwner(v.publishedBy)}
              </>
            ),
          },
        ]}
      />
    ) : (
      <Typography color="textSecondary" style={{ padding: 16 }}>
        No published versions.
      </Typography>
    )}
  </InfoCard>
);

const VariablesCard = ({ version }: { version: ProfileVersion }) => {
  const variables = version.variables ?? [];
  return (
    <InfoCard title={`Variables of ${version.version}`} noPadding>
      {variables.length ? (
        <SimpleTable
          label="Variables"
          rows={variables}
          rowKey={v => v.name}
          columns={[
            { title: 'Name', value: v => v.name },
            { title: 'Display name', value: v => v.displayName },
            { title: 'Format', value: v => v.format },
            {
              title: 'Default',
              value: v =>
                v.sensitive && v.default !== undefined
                  ? SENSITIVE_VALUE_MASK
                  : v.default ?? '—',
            },
            { title: 'Required', value: v => (v.required ? 'Yes' : 'No') },
          ]}
        />
      ) : (
        <Typography color="textSecondary" style={{ padding: 16 }}>
          This version asks for no variables.
        </Typography>
      )}
    </InfoCard>
  );
};

/**
 * The Palette tab of a cluster profile entity: the layers and variables of
 * the latest version, the versions, and the clusters running each.
 */
export const EntityProfileContent = () => {
  const { entity } = useEntity();
  const name = entity.metadata.name;
  const paletteApi = useApi(paletteApiRef);
  const profileLink = useRouteRef(profileRouteRef);
  const profilesLink = useRouteRef(profilesRouteRef);

  const { value, loading, error } = useAsync(async () => {
    const profile = await paletteApi.getProfile(name);
    const version = profile.latestVersion
      ? await paletteApi.getProfileVersion(name, profile.latestVersion)
      : undefined;
    return { profile, version };
  }, [paletteApi, name]);

  if (loading) return <Progress />;
  if (error) {
    if (ResponseError.is(error) && error.statusCode === 404) {
      return (
        <EmptyState
          missing="content"
          title="Palette has no profile of this name"
          description={`The catalog lists ${name}, but palette-backend has no cluster profile named so. It may have been deleted.`}
          action={
            <Button
              variant="contained"
              color="primary"
              component={RouterLink}
              to={profilesLink()}
            >
              All profiles
            </Button>
          }
        />
      );
    }
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) return null;
  const { profile, version } = value;
  const openProfile = (
    <Button
      variant="outlined"
      color="primary"
      component={RouterLink}
      to={profileLink({ name })}
    >
      Open profile
    </Button>
  );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={profile.displayName ?? profile.name}
          action={openProfile}
        >
          <Typography>
            {PROFILE_TYPE_LABELS[profile.type]} ·{' '}
            {CLOUD_TYPE_LABELS[profile.cloudType]} · owned by{' '}
            {humanizeOwner(profile.owner)} · latest version{' '}
            {profile.latestVersion ?? 'none'}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <LayersCard profile={profile} version={version} />
      </Grid>
      <Grid item xs={12} md={5}>
        <VersionsCard profile={profile} />
      </Grid>
      {version && (
        <Grid item xs={12} md={7}>
          <VariablesCard version={version} />
        </Grid>
      )}
      <Grid item xs={12} md={version ? 5 : 12}>
        <InfoCard title="Clusters running each version">
          <EmptyState
            missing="data"
            title="No clusters run this profile yet"
            description="Clusters created from this profile will be listed here by the version they run."
            action={
              <Button
                variant="contained"
                color="primary"
                component={RouterLink}
                to={profileLink({ name })}
              >
                Go to the profile
              </Button>
            }
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
};
