import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import {
  POLICY_WILDCARD,
  StoredGovernancePolicy,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { paletteApiRef } from '../../../api/PaletteApi';
import { usePolledValue } from '../../../hooks';
import { ConfirmDialog } from '../../profiles/ConfirmDialog';
import { formatDateTime, humanizeOwner } from '../../profiles/utils';
import { SimpleColumn, SimpleTable } from '../../shared';
import { scopeText, shortRef } from '../format';
import { PolicyDialog } from './PolicyDialog';

const anyOr = (values?: string[]) =>
  values?.length ? values.join(', ') : 'any';

/** `aws-infra (1.1.0, 1.2.0), observability (any version)`. */
const profilesText = (policy: StoredGovernancePolicy) =>
  policy.allowedProfiles?.length
    ? policy.allowedProfiles
        .map(
          p =>
            `${p.name} (${
              p.versions?.length ? p.versions.join(', ') : 'any version'
            })`,
        )
        .join(', ')
    : 'any';

/** Specific scopes first, wildcards last, then by name. */
const byScope = (a: StoredGovernancePolicy, b: StoredGovernancePolicy) => {
  const rank = (p: StoredGovernancePolicy) =>
    (p.project === POLICY_WILDCARD ? 2 : 0) +
    (p.environment === POLICY_WILDCARD ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    a.project.localeCompare(b.project) ||
    a.environment.localeCompare(b.environment)
  );
};

type Editing = { policy?: StoredGovernancePolicy };

/**
 * The governance policies by project and environment, with what each
 * allows; create, edit and delete for those who may manage policies.
 */
export const PoliciesCard = ({ canManage }: { canManage: boolean }) => {
  const paletteApi = useApi(paletteApiRef);
  const { value, error, refresh } = usePolledValue(
    () => paletteApi.listPolicies().then(r => [...r.items].sort(byScope)),
    [paletteApi],
    () => undefined,
  );
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<StoredGovernancePolicy>();

  const scope = (p: StoredGovernancePolicy) =>
    `${scopeText(p.project)} / ${scopeText(p.environment)}`;

  const columns: SimpleColumn<StoredGovernancePolicy>[] = [
    {
      title: 'Project',
      value: p => (
        <Tooltip title={p.description ?? ''}>
          <span>{scopeText(p.project)}</span>
        </Tooltip>
      ),
    },
    { title: 'Environment', value: p => scopeText(p.environment) },
    { title: 'Profiles', value: profilesText },
    { title: 'Regions', value: p => anyOr(p.allowedRegions) },
    { title: 'Cloud accounts', value: p => anyOr(p.allowedCloudAccounts) },
    { title: 'Instance types', value: p => anyOr(p.allowedInstanceTypes) },
    {
      title: 'Largest pool',
      value: p => (p.maxPoolSize === undefined ? 'no limit' : p.maxPoolSize),
    },
    {
      title: 'Approval',
      value: p =>
        p.requireApproval && p.approverGroup
          ? `by ${humanizeOwner(p.approverGroup)}`
          : 'not needed',
    },
    {
      title: 'Changed',
      value: p => (
        <>
          <Typography variant="body2">{formatDateTime(p.updatedAt)}</Typography>
          <Typography variant="caption" color="textSecondary">
            by {shortRef(p.updatedBy)}
          </Typography>
        </>
      ),
    },
    ...(canManage
      ? [
          {
            title: 'Actions',
            value: (p: StoredGovernancePolicy) => (
              <>
                <IconButton
                  size="small"
                  aria-label={`Edit the policy for ${scope(p)}`}
                  onClick={() => setEditing({ policy: p })}
                >
                  <EditIcon fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={`Delete the policy for ${scope(p)}`}
                  onClick={() => setDeleting(p)}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </>
            ),
          },
        ]
      : []),
  ];

  const newButton = canManage && (
    <Button
      color="primary"
      variant="contained"
      startIcon={<AddIcon />}
      onClick={() => setEditing({})}
    >
      New policy
    </Button>
  );

  let body;
  if (!value)
    body = error ? <ResponseErrorPanel error={error} /> : <Progress />;
  else if (!value.length)
    body = (
      <EmptyState
        missing="data"
        title="No governance policy yet"
        description={
          canManage
            ? 'Without one, clusters may use any published profile, region, cloud account and size, without approval. Start with a policy for * / production that requires approval.'
            : 'Without one, clusters may use any published profile, region, cloud account and size, without approval. The platform team sets policies.'
        }
        action={newButton || undefined}
      />
    );
  else
    body = (
      <>
        {error && <ResponseErrorPanel error={error} title="Refresh failed" />}
        <SimpleTable
          label="Governance policies"
          columns={columns}
          rows={value}
          rowKey={p => `${p.project}|${p.environment}`}
        />
      </>
    );

  return (
    <InfoCard
      title="Policies"
      subheader="What may be requested in each project and environment; the most specific policy applies"
      action={value?.length ? newButton || undefined : undefined}
    >
      {body}
      {editing && (
        <PolicyDialog
          policy={editing.policy}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            refresh();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete the policy for ${scope(deleting)}?`}
          confirmLabel="Delete policy"
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await paletteApi.deletePolicy(
              deleting.project,
              deleting.environment,
            );
            refresh();
          }}
        >
          <Typography>
            Requests for {scope(deleting)} then follow the next most specific
            policy, or none. Clusters already running are not changed.
          </Typography>
        </ConfirmDialog>
      )}
    </InfoCard>
  );
};
