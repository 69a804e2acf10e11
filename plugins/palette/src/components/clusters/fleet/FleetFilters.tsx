import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { CLOUD_TYPES } from '@palette-backstage/plugin-palette-common';
import { CLOUD_TYPE_LABELS } from '../../profiles/utils';
import { SelectField } from '../../shared';
import { EnvironmentField } from '../EnvironmentField';
import { FleetFilters as Filters } from './fleetQuery';

const PROVIDERS = CLOUD_TYPES.filter(c => c !== 'all').map(c => ({
  value: c,
  label: CLOUD_TYPE_LABELS[c],
}));

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
  const text = (
    key: 'search' | 'owner' | 'profile',
    label: string,
    placeholder: string,
  ) => (
    <TextField
      id={`clusters-${key}`}
      label={label}
      placeholder={placeholder}
      type={key === 'search' ? 'search' : undefined}
      value={filters[key]}
      onChange={e => set(key)(e.target.value)}
      fullWidth
    />
  );
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={3}>
        {text('search', 'Search', 'Part of a cluster name')}
      </Grid>
      <Grid item xs={6} md={2}>
        <SelectField
          id="clusters-provider"
          label="Provider"
          value={filters.provider}
          onChange={e => set('provider')(e.target.value as Filters['provider'])}
          emptyLabel="All providers"
          options={PROVIDERS}
        />
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
        {text('owner', 'Owner', 'e.g. team-apollo')}
      </Grid>
      <Grid item xs={6} md={3}>
        {text('profile', 'Profile', 'e.g. aws-infra or aws-infra@1.1.0')}
      </Grid>
    </Grid>
  );
};
