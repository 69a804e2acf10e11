import {
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import RefreshIcon from '@material-ui/icons/Refresh';
import { AuditEvent } from '@palette-backstage/plugin-palette-common';
import { useMemo, useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import {
  useCanReadAudit,
  usePagedFilters,
  usePolledValue,
} from '../../../hooks';
import { formatDateTime } from '../../profiles/utils';
import {
  NoMatches,
  ReloadProgress,
  SimpleColumn,
  SimpleTable,
} from '../../shared';
import { shortRef } from '../format';
import { AuditChanges } from './AuditChanges';
import { AuditFiltersBar } from './AuditFiltersBar';
import {
  AUDIT_LIMITS,
  AuditFilters,
  dateRangeProblem,
  hasAuditFilters,
  NO_AUDIT_FILTERS,
  toAuditQuery,
} from './auditQuery';

const useStyles = makeStyles(theme => ({
  filters: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  empty: { padding: theme.spacing(2) },
  code: { fontFamily: 'monospace' },
}));

const AuditHeader = ({
  onRefresh,
  refreshing,
}: {
  onRefresh?: () => void;
  refreshing?: boolean;
}) => (
  <ContentHeader
    title="Audit log"
    description="Every change made through Palette, newest first"
  >
    {onRefresh && (
      <Button
        startIcon={<RefreshIcon />}
        onClick={onRefresh}
        disabled={refreshing}
      >
        Refresh
      </Button>
    )}
    <SupportButton>
      Palette records who changed what and when: profiles and their versions,
      packs, clusters, governance policies, quotas and approvals. Expand an
      event to see the state before and after the change.
    </SupportButton>
  </ContentHeader>
);

const AuditLog = () => {
  const classes = useStyles();
  const paletteApi = useApi(paletteApiRef);
  const paging = usePagedFilters<AuditFilters>(NO_AUDIT_FILTERS);
  const { filters, applied } = paging;
  const [limit, setLimit] = useState(AUDIT_LIMITS[1]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const invalid = !!dateRangeProblem(applied);
  const query = useMemo(() => toAuditQuery(applied, limit), [applied, limit]);
  const key = JSON.stringify(query);
  const { value, error, loading, refresh } = usePolledValue(
    async () => ({
      key,
      items: invalid
        ? ([] as AuditEvent[])
        : (await paletteApi.listAudit(query)).items,
    }),
    [paletteApi, key, invalid],
    () => undefined,
  );

  const toggle = (id: string) =>
    setExpanded(current => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const columns: SimpleColumn<AuditEvent>[] = [
    { title: 'When', value: e => formatDateTime(e.occurredAt) },
    {
      title: 'Actor',
      value: e => (
        <Tooltip title={e.actor}>
          <span>{shortRef(e.actor)}</span>
        </Tooltip>
      ),
    },
    { title: 'Action', value: e => e.action, className: classes.code },
    { title: 'Target', value: e => e.target, className: classes.code },
    {
      title: 'Changes',
      value: e => {
        const open = expanded.has(e.id);
        return (
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} the changes of ${
              e.action
            } on ${e.target}`}
            onClick={() => toggle(e.id)}
          >
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        );
      },
    },
  ];

  let body;
  if (!value) {
    body = error ? <ResponseErrorPanel error={error} /> : <Progress />;
  } else if (value.items.length === 0 && !hasAuditFilters(applied)) {
    body = (
      <EmptyState
        missing="data"
        title="Nothing audited yet"
        description="Changes to profiles, packs, clusters, policies, quotas and approvals appear here as soon as someone makes one."
      />
    );
  } else {
    body = (
      <Paper>
        <ReloadProgress
          loading={value.key !== key || loading}
          label="Loading audit events"
        />
        {error && <ResponseErrorPanel error={error} title="Refresh failed" />}
        {value.items.length === 0 ? (
          <div className={classes.empty}>
            <NoMatches onClear={() => paging.applyFilters(NO_AUDIT_FILTERS)}>
              {invalid
                ? 'The date range ends before it starts.'
                : 'No audit event matches these filters.'}
            </NoMatches>
          </div>
        ) : (
          <SimpleTable
            label="Audit events"
            columns={columns}
            rows={value.items}
            rowKey={e => e.id}
            detail={e =>
              expanded.has(e.id) ? <AuditChanges event={e} /> : undefined
            }
          />
        )}
        {value.items.length >= limit && (
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            className={classes.empty}
          >
            Showing the newest {limit}; narrow the filters or show more to see
            older events.
          </Typography>
        )}
      </Paper>
    );
  }

  return (
    <>
      <AuditHeader onRefresh={refresh} refreshing={loading} />
      <Paper className={classes.filters}>
        <AuditFiltersBar
          filters={filters}
          onChange={paging.changeFilters}
          limit={limit}
          onLimitChange={setLimit}
        />
      </Paper>
      {body}
    </>
  );
};

/**
 * The audit log: every change to profiles, packs, clusters, policies,
 * quotas and approvals, newest first, filtered on the server by actor,
 * target prefix, action and days, with each change's before and after.
 * Only for users with `palette.audit.read`.
 */
export const AuditPage = () => {
  const { loading, allowed } = useCanReadAudit();
  if (loading) return <Progress />;
  if (!allowed)
    return (
      <>
        <AuditHeader />
        <EmptyState
          missing="info"
          title="You may not read the audit log"
          description="Reading it needs the palette.audit.read permission; ask your platform team if you need it."
        />
      </>
    );
  return <AuditLog />;
};
