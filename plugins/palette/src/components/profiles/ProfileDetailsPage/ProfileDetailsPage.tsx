import {
  ContentHeader,
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { ProfileDetails } from '@palette-backstage/plugin-palette-common';
import { ReactNode, useEffect, useState } from 'react';
import {
  Link as RouterLink,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { paletteApiRef } from '../../../api/PaletteApi';
import { useProfilePermissions } from '../../../hooks';
import { profilesRouteRef } from '../../../routes';
import { CompareTab } from '../CompareTab';
import { ConfirmDialog } from '../../shared';
import { DraftEditor } from '../DraftEditor';
import { DraftBadge, TagChips } from '../ProfileChips';
import { VersionsTab } from '../VersionsTab';
import {
  CLOUD_TYPE_LABELS,
  humanizeOwner,
  PROFILE_TYPE_LABELS,
} from '../utils';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    marginBottom: theme.spacing(2),
  },
  tabs: {
    borderBottom: `1px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(2),
  },
}));

const TABS = ['draft', 'versions', 'compare'] as const;
type TabId = (typeof TABS)[number];

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Typography variant="overline" color="textSecondary" component="div">
      {label}
    </Typography>
    <Typography variant="body1" component="div">
      {children}
    </Typography>
  </div>
);

/** One cluster profile: its draft, versions, and comparing them. */
export const ProfileDetailsPage = ({ name: nameProp }: { name?: string }) => {
  const classes = useStyles();
  const params = useParams();
  const name = nameProp ?? params.name ?? '';
  const paletteApi = useApi(paletteApiRef);
  const alertApi = useApi(alertApiRef);
  const profilesLink = useRouteRef(profilesRouteRef);
  const navigate = useNavigate();
  const permissions = useProfilePermissions(name);
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get('tab') as TabId | null;
  const tab: TabId = tabParam && TABS.includes(tabParam) ? tabParam : 'draft';
  const [deleting, setDeleting] = useState(false);

  const { value, loading, error, retry } = useAsyncRetry(
    () => paletteApi.getProfile(name),
    [paletteApi, name],
  );
  // Mutations answer with the updated profile; it replaces the loaded one.
  const [profile, setProfile] = useState<ProfileDetails>();
  useEffect(() => setProfile(value), [value]);

  if (error) {
    if (ResponseError.is(error) && error.statusCode === 404) {
      return (
        <EmptyState
          missing="content"
          title={`No profile named ${name}`}
          description="It may have been deleted or renamed."
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
  if (!profile || (loading && !profile)) return <Progress />;

  return (
    <>
      <Box mb={1}>
        <Link to={profilesLink()}>
          <Box display="inline-flex" alignItems="center" gridGap={4}>
            <ArrowBackIcon fontSize="small" /> All profiles
          </Box>
        </Link>
      </Box>
      <ContentHeader
        title={profile.displayName ?? profile.name}
        description={profile.description}
      >
        {permissions.canDelete && (
          <Button
            color="secondary"
            variant="outlined"
            onClick={() => setDeleting(true)}
          >
            Delete profile
          </Button>
        )}
      </ContentHeader>
      <div className={classes.facts}>
        <Fact label="Name">{profile.name}</Fact>
        <Fact label="Type">{PROFILE_TYPE_LABELS[profile.type]}</Fact>
        <Fact label="Cloud">{CLOUD_TYPE_LABELS[profile.cloudType]}</Fact>
        <Fact label="Owner">{humanizeOwner(profile.owner)}</Fact>
        <Fact label="Latest version">
          {profile.latestVersion ?? 'Unpublished'}{' '}
          {profile.hasDraft && <DraftBadge />}
        </Fact>
        <Fact label="Tags">
          <TagChips tags={profile.tags} max={6} />
        </Fact>
      </div>
      <Tabs
        className={classes.tabs}
        value={tab}
        onChange={(_e, next: TabId) =>
          setSearchParams(next === 'draft' ? {} : { tab: next }, {
            replace: true,
          })
        }
        indicatorColor="primary"
        textColor="primary"
        aria-label="Profile"
      >
        <Tab value="draft" label="Draft" />
        <Tab value="versions" label={`Versions (${profile.versions.length})`} />
        <Tab value="compare" label="Compare" />
      </Tabs>
      {tab === 'draft' && (
        <DraftEditor
          key={profile.name}
          profile={profile}
          permissions={permissions}
          onProfileChange={setProfile}
        />
      )}
      {tab === 'versions' && (
        <VersionsTab
          profile={profile}
          permissions={permissions}
          onProfileChange={setProfile}
          onVersionDeleted={retry}
        />
      )}
      {tab === 'compare' && <CompareTab profile={profile} />}
      <ConfirmDialog
        open={deleting}
        title={`Delete the profile ${profile.name}?`}
        confirmLabel="Delete profile"
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await paletteApi.deleteProfile(profile.name);
          alertApi.post({
            message: `Deleted profile ${profile.name}`,
            severity: 'success',
            display: 'transient',
          });
          navigate(profilesLink());
        }}
      >
        Its draft and all {profile.versions.length} published versions are
        removed for good. Profiles that clusters run cannot be deleted.
      </ConfirmDialog>
    </>
  );
};
