import {
  ContentHeader,
  EmptyState,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import {
  RolloutStatus,
  rolloutStatusSchema,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { usePagedFilters, usePolledValue } from '../../../hooks';
import { AddButton, NoMatches, PagedListBody, SelectField } from '../../shared';
import { CreateRolloutDialog } from '../create/CreateRolloutDialog';
import { isRolloutActive } from '../status';
import { useCanManageRollouts } from '../useCanManageRollouts';
import { RolloutsTable } from './RolloutsTable';

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    gap: theme.spacing(2),
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
    maxWidth: 560,
  },
}));

/** How often the list is asked for again while a rollout on it is active. */
export const ROLLOUTS_POLL_MS = 5_000;

interface Filters {
  status: RolloutStatus | '';
  profile: string;
}

const NO_FILTERS: Filters = { status: '', profile: '' };

/**
 * Every rollout, newest first: what moves to which version, its status and
 * progress, refreshed while one on the page is under way. Those with
 * `palette.rollout.manage` start new ones here.
 */
export const RolloutsPage = () => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const { allowed: canManage } = useCanManageRollouts();
  const [creating, setCreating] = useState(false);
  const paging = usePagedFilters<Filters>(NO_FILTERS);
  const { filters, applied, page, pageSize } = paging;

  const query = {
    status: applied.status || undefined,
    profile: applied.profile.trim() || undefined,
    limit: pageSize,
    offset: page * pageSize,
  };
  const key = JSON.stringify(query);
  const { value, error } = usePolledValue(
    async () => ({ key, response: await paletteApi.listRollouts(query) }),
    [paletteApi, key],
    ({ response }) =>
      response.items.some(isRolloutActive) ? ROLLOUTS_POLL_MS : undefined,
  );
  const filtered = applied.status !== '' || applied.profile.trim() !== '';

  const newButton = canManage && (
    <AddButton onClick={() => setCreating(true)}>New rollout</AddButton>
  );

  const body = (
    <PagedListBody
      loaded={value}
      queryKey={key}
      error={error}
      filtered={filtered}
      loadingLabel="Loading rollouts"
      paging={paging}
      empty={
        <EmptyState
          missing="data"
          title="No rollouts yet"
          description={
            canManage
              ? 'A rollout moves the clusters on older versions of a profile to a newly published version in waves: a canary first, then batches, each inside maintenance windows and halting on the first failure. Start one here, or from a version on a profile’s page.'
              : 'A rollout moves the clusters on older versions of a profile to a newly published version in waves, halting on the first failure. Ask your platform team for the palette.rollout.manage permission to start one.'
          }
          action={newButton || undefined}
        />
      }
      filters={
        <Paper className={classes.filters}>
          <SelectField
            id="rollouts-status"
            label="Status"
            margin="dense"
            variant="outlined"
            value={filters.status}
            onChange={e =>
              paging.applyFilters({
                ...filters,
                status: e.target.value as Filters['status'],
              })
            }
            emptyLabel="Any status"
            options={rolloutStatusSchema.options}
          />
          <TextField
            id="rollouts-profile"
            label="Profile"
            margin="dense"
            variant="outlined"
            fullWidth
            value={filters.profile}
            onChange={e =>
              paging.changeFilters({ ...filters, profile: e.target.value })
            }
          />
        </Paper>
      }
    >
      {response =>
        response.items.length ? (
          <RolloutsTable items={response.items} />
        ) : (
          <NoMatches onClear={() => paging.applyFilters(NO_FILTERS)}>
            No rollouts match these filters.
          </NoMatches>
        )
      }
    </PagedListBody>
  );

  return (
    <>
      <ContentHeader
        title="Rollouts"
        description="Profile versions moving through the fleet in waves"
      >
        {newButton}
        <SupportButton>
          A rollout moves clusters to a new version of their profile: a canary
          wave first, then batches, each only inside the clusters&apos;
          maintenance windows and only once the previous wave is healthy. A
          failure halts it; resume it, or roll the failed clusters back.
        </SupportButton>
      </ContentHeader>
      {body}
      {creating && <CreateRolloutDialog onClose={() => setCreating(false)} />}
    </>
  );
};
