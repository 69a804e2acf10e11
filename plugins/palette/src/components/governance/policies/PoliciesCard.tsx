import { useApi } from '@backstage/core-plugin-api';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  POLICY_WILDCARD,
  StoredGovernancePolicy,
} from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../../api/PaletteApi';
import { usePolledValue } from '../../../hooks';
import { formatDateTime, humanizeOwner } from '../../profiles/utils';
import {
  DeleteIconButton,
  EditIconButton,
  ListCard,
  SimpleColumn,
} from '../../shared';
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
  ];

  return (
    <ListCard<StoredGovernancePolicy, StoredGovernancePolicy>
      title="Policies"
      subheader="What may be requested in each project and environment; the most specific policy applies"
      value={value}
      error={error}
      emptyTitle="No governance policy yet"
      emptyDescription={
        canManage
          ? 'Without one, clusters may use any published profile, region, cloud account and size, without approval. Start with a policy for * / production that requires approval.'
          : 'Without one, clusters may use any published profile, region, cloud account and size, without approval. The platform team sets policies.'
      }
      label="Governance policies"
      columns={columns}
      rowKey={p => `${p.project}|${p.environment}`}
      canManage={canManage}
      newLabel="New policy"
      actions={(p, { edit, remove }) => (
        <>
          <EditIconButton
            label={`Edit the policy for ${scope(p)}`}
            onClick={() => edit(p)}
          />
          <DeleteIconButton
            label={`Delete the policy for ${scope(p)}`}
            onClick={remove}
          />
        </>
      )}
      editor={(policy, done) => <PolicyDialog policy={policy} {...done} />}
      removal={p => ({
        title: `Delete the policy for ${scope(p)}?`,
        confirmLabel: 'Delete policy',
        text: (
          <>
            Requests for {scope(p)} then follow the next most specific policy,
            or none. Clusters already running are not changed.
          </>
        ),
        remove: () => paletteApi.deletePolicy(p.project, p.environment),
      })}
      onChanged={refresh}
    />
  );
};
