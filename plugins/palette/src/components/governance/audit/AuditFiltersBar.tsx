import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { SelectField } from '../../shared';
import { AUDIT_LIMITS, AuditFilters, dateRangeProblem } from './auditQuery';

/** Actor, target prefix, action, date range and limit of the audit log. */
export const AuditFiltersBar = ({
  filters,
  onChange,
  limit,
  onLimitChange,
}: {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  limit: number;
  onLimitChange: (limit: number) => void;
}) => {
  const text = (
    key: keyof AuditFilters,
    label: string,
    helperText: string,
    extra: { type?: string; error?: string } = {},
  ) => (
    <TextField
      id={`audit-${key}`}
      label={label}
      value={filters[key]}
      onChange={e => onChange({ ...filters, [key]: e.target.value })}
      helperText={extra.error ?? helperText}
      error={!!extra.error}
      type={extra.type}
      InputLabelProps={extra.type ? { shrink: true } : undefined}
      fullWidth
    />
  );
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6} md={3}>
        {text('actor', 'Actor', 'e.g. user:default/jane')}
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        {text(
          'target',
          'Target starts with',
          'e.g. profile:aws-infra or cluster:prod-eks-01',
        )}
      </Grid>
      <Grid item xs={12} sm={4} md={2}>
        {text('action', 'Action', 'e.g. cluster.create')}
      </Grid>
      <Grid item xs={6} sm={3} md={1}>
        {text('from', 'From', 'First day', { type: 'date' })}
      </Grid>
      <Grid item xs={6} sm={3} md={1}>
        {text('to', 'To', 'Last day', {
          type: 'date',
          error: dateRangeProblem(filters),
        })}
      </Grid>
      <Grid item xs={12} sm={2} md={2}>
        <SelectField
          id="audit-limit"
          label="Show at most"
          value={String(limit)}
          onChange={e => onLimitChange(Number(e.target.value))}
          helperText="Newest first"
          options={AUDIT_LIMITS.map(String)}
        />
      </Grid>
    </Grid>
  );
};
