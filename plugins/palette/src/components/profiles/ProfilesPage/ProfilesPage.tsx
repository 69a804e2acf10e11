import {
  ContentHeader,
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import CloudUploadIcon from '@material-ui/icons/CloudUpload';
import {
  CLOUD_TYPES,
  CloudType,
  ListProfilesQuery,
  ProfileDetails,
  ProfileType,
  profileTypeSchema,
} from '@palette-backstage/plugin-palette-common';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../../api/PaletteApi';
import { useCanCreateProfile, usePagedFilters } from '../../../hooks';
import { profileRouteRef } from '../../../routes';
import { NoMatches, SelectField, TablePaging } from '../../shared';
import { DraftBadge, LayerSummaryChips, TagChips } from '../ProfileChips';
import {
  CLOUD_TYPE_LABELS,
  humanizeOwner,
  normalizeOwnerRef,
  PROFILE_TYPE_LABELS,
} from '../utils';
import { CreateProfileDialog } from './CreateProfileDialog';
import { ImportProfileDialog } from './ImportProfileDialog';

const useStyles = makeStyles(theme => ({
  filters: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  actions: { display: 'flex', gap: theme.spacing(1) },
  secondary: { color: theme.palette.text.secondary },
}));

interface Filters {
  type: ProfileType | '';
  cloudType: CloudType | '';
  owner: string;
  tag: string;
  search: string;
}

const NO_FILTERS: Filters = {
  type: '',
  cloudType: '',
  owner: '',
  tag: '',
  search: '',
};

const PAGE_SIZES = [10, 25, 50, 100];

const TYPE_OPTIONS = profileTypeSchema.options.map(t => ({
  value: t,
  label: PROFILE_TYPE_LABELS[t],
}));
const CLOUD_OPTIONS = CLOUD_TYPES.map(c => ({
  value: c,
  label: CLOUD_TYPE_LABELS[c],
}));

/** The query the list asks the server for: only the filters that are set. */
export function toListQuery(
  filters: Filters,
  page: number,
  pageSize: number,
): Partial<ListProfilesQuery> {
  const query: Partial<ListProfilesQuery> = {
    limit: pageSize,
    offset: page * pageSize,
  };
  if (filters.type) query.type = filters.type;
  if (filters.cloudType) query.cloudType = filters.cloudType;
  const owner = normalizeOwnerRef(filters.owner);
  if (owner) query.owner = owner;
  if (filters.tag.trim()) query.tag = filters.tag.trim().toLocaleLowerCase();
  if (filters.search.trim()) query.search = filters.search.trim();
  return query;
}

/** Cluster profiles: a filtered, paged list, and creating or importing one. */
export const ProfilesPage = () => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const profileLink = useRouteRef(profileRouteRef);
  const navigate = useNavigate();
  const { allowed: canCreate } = useCanCreateProfile();

  const paging = usePagedFilters(NO_FILTERS);
  const { filters, applied, page, pageSize } = paging;
  const [dialog, setDialog] = useState<'create' | 'import'>();

  const query = useMemo(
    () => toListQuery(applied, page, pageSize),
    [applied, page, pageSize],
  );
  const { value, loading, error } = useAsync(
    () => paletteApi.listProfiles(query),
    [paletteApi, JSON.stringify(query)],
  );

  const setFilter =
    <K extends keyof Filters>(key: K) =>
    (event: { target: { value: string } }) =>
      paging.changeFilters(f => ({
        ...f,
        [key]: event.target.value as Filters[K],
      }));
  const filtered = Object.values(applied).some(v => v !== '');

  const openProfile = (profile: ProfileDetails) => {
    setDialog(undefined);
    navigate(profileLink({ name: profile.name }));
  };

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    body = <Progress />;
  } else if (value.totalCount === 0 && !filtered) {
    body = canCreate ? (
      <EmptyState
        missing="data"
        title="No cluster profiles yet"
        description="A cluster profile is a versioned stack of packs (OS, Kubernetes, network, storage and add-ons) that clusters are created from. Create one, or import a ClusterProfile YAML document."
        action={
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setDialog('create')}
          >
            Create a profile
          </Button>
        }
      />
    ) : (
      <EmptyState
        missing="data"
        title="No cluster profiles yet"
        description="Cluster profiles are created by the platform team. Ask the platform team to publish a profile for your workloads; it will show here once they do."
      />
    );
  } else {
    body = (
      <Paper>
        {loading && <LinearProgress aria-label="Loading profiles" />}
        <TableContainer>
          <Table size="small" aria-label="Cluster profiles">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Cloud</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell>Latest version</TableCell>
                <TableCell align="right">Versions</TableCell>
                <TableCell>Layers</TableCell>
                <TableCell>Tags</TableCell>
                <TableCell>Draft</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.items.map(profile => (
                <TableRow key={profile.name} hover>
                  <TableCell>
                    <Link to={profileLink({ name: profile.name })}>
                      {profile.name}
                    </Link>
                    {profile.displayName && (
                      <Typography variant="body2" className={classes.secondary}>
                        {profile.displayName}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{PROFILE_TYPE_LABELS[profile.type]}</TableCell>
                  <TableCell>{CLOUD_TYPE_LABELS[profile.cloudType]}</TableCell>
                  <TableCell>{humanizeOwner(profile.owner)}</TableCell>
                  <TableCell>
                    {profile.latestVersion ?? 'Unpublished'}
                  </TableCell>
                  <TableCell align="right">{profile.versions.length}</TableCell>
                  <TableCell>
                    <LayerSummaryChips layers={profile.layerSummary} />
                  </TableCell>
                  <TableCell>
                    <TagChips tags={profile.tags} />
                  </TableCell>
                  <TableCell>{profile.hasDraft && <DraftBadge />}</TableCell>
                </TableRow>
              ))}
              {value.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={9} align="center">
                    <NoMatches onClear={() => paging.applyFilters(NO_FILTERS)}>
                      No profiles match these filters.
                    </NoMatches>
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePaging
          count={value.totalCount}
          paging={paging}
          pageSizes={PAGE_SIZES}
        />
      </Paper>
    );
  }

  return (
    <>
      <ContentHeader
        title="Cluster profiles"
        description="Versioned, layered stacks of packs that clusters are created from"
      >
        <div className={classes.actions}>
          {canCreate && (
            <>
              <Button
                variant="outlined"
                color="primary"
                startIcon={<CloudUploadIcon />}
                onClick={() => setDialog('import')}
              >
                Import YAML
              </Button>
              <Button
                variant="contained"
                color="primary"
                startIcon={<AddIcon />}
                onClick={() => setDialog('create')}
              >
                Create profile
              </Button>
            </>
          )}
          <SupportButton>
            A profile is edited as a draft and published as immutable,
            semantically versioned releases. Clusters run one version.
          </SupportButton>
        </div>
      </ContentHeader>
      <Paper className={classes.filters}>
        <Grid container spacing={2}>
          <Grid item xs={12} md={3}>
            <TextField
              id="profiles-search"
              label="Search"
              placeholder="Name, display name or description"
              value={filters.search}
              onChange={setFilter('search')}
              fullWidth
              type="search"
            />
          </Grid>
          <Grid item xs={6} md={2}>
            <SelectField
              id="profiles-type"
              label="Type"
              value={filters.type}
              onChange={setFilter('type')}
              emptyLabel="All types"
              options={TYPE_OPTIONS}
            />
          </Grid>
          <Grid item xs={6} md={2}>
            <SelectField
              id="profiles-cloud-type"
              label="Cloud type"
              value={filters.cloudType}
              onChange={setFilter('cloudType')}
              emptyLabel="All clouds"
              options={CLOUD_OPTIONS}
            />
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              id="profiles-owner"
              label="Owner"
              placeholder="e.g. platform-team"
              value={filters.owner}
              onChange={setFilter('owner')}
              fullWidth
            />
          </Grid>
          <Grid item xs={6} md={2}>
            <TextField
              id="profiles-tag"
              label="Tag"
              value={filters.tag}
              onChange={setFilter('tag')}
              fullWidth
            />
          </Grid>
        </Grid>
      </Paper>
      {body}
      <CreateProfileDialog
        open={dialog === 'create'}
        onClose={() => setDialog(undefined)}
        onCreated={openProfile}
      />
      <ImportProfileDialog
        open={dialog === 'import'}
        onClose={() => setDialog(undefined)}
        onImported={openProfile}
      />
    </>
  );
};
