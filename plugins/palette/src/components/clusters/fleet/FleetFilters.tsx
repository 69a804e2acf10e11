import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { CLOUD_TYPES } from '@palette-backstage/plugin-palette-common';
import { CLOUD_TYPE_LABELS } from '../../profiles/utils';
import { EnvironmentField } from '../EnvironmentField';
import { FleetFilters as Filters } from './fleetQuery';

const PROVIDERS = CLOUD_TYPES.filter(c => c !== 'all');

/** Search, provider, environment, owner and profile filters of the fleet. */
export const FleetFilters = ({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
}) => {
  const set =
    <K extends keyof Filters>(key: K) =>
    (value: Filters[K]) =>
      onChange({ ...filters, [key]: value });
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={3}>
        <TextField
          id="clusters-search"
          label="Search"
          placeholder="Part of a cluster name"
          type="search"
          value={filters.search}
          onChange={e => set('search')(e.target.value)}
          fullWidth
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <TextField
          id="clusters-provider"
          label="Provider"
          select
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          value={filters.provider}
          onChange={e => set('provider')(e.target.value as Filters['provider'])}
          fullWidth
        >
          <option value="">All providers</option>
          {PROVIDERS.map(c => (
            <option key={c} value={c}>
              {CLOUD_TYPE_LABELS[c]}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={6} md={2}>
        <EnvironmentField
          id="clusters-environment"
          value={filters.environment}
          onChange={set('environment')}
          placeholder="Any"
          fullWidth
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <TextField
          id="clusters-owner"
          label="Owner"
          placeholder="e.g. team-apollo"
          value={filters.owner}
          onChange={e => set('owner')(e.target.value)}
          fullWidth
        />
      </Grid>
      <Grid item xs={6} md={3}>
        <TextField
          id="clusters-profile"
          label="Profile"
          placeholder="e.g. aws-infra or aws-infra@1.1.0"
          value={filters.profile}
          onChange={e => set('profile')(e.target.value)}
          fullWidth
        />
      </Grid>
    </Grid>
  );
};
