import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  ClusterRuleFinding,
  ComplianceRuleId,
} from '@palette-backstage/plugin-palette-common';
import { paletteApiRef } from '../../../api/PaletteApi';
import { usePagedFilters } from '../../../hooks';
import { clusterRouteRef } from '../../../routes';
import { SimpleColumn, SimpleTable, TablePaging } from '../../shared';
import { groupLabel } from '../format';
import { Loading } from '../Loading';
import { useLoaded } from '../useLoaded';

const PAGE_SIZES = [10, 25, 50];

/** A page of the clusters failing a rule, with why and what to do. */
export const RuleClusters = ({ rule }: { rule: ComplianceRuleId }) => {
  const paletteApi = useApi(paletteApiRef);
  const clusterLink = useRouteRef(clusterRouteRef);
  const paging = usePagedFilters({}, PAGE_SIZES[0]);
  const { page, pageSize } = paging;
  const findings = useLoaded(
    () =>
      paletteApi.listRuleClusters(rule, {
        limit: pageSize,
        offset: page * pageSize,
      }),
    [paletteApi, rule, page, pageSize],
  );
  const columns: SimpleColumn<ClusterRuleFinding>[] = [
    {
      title: 'Cluster',
      value: f => (
        <Link to={clusterLink({ name: f.cluster })}>{f.cluster}</Link>
      ),
    },
    { title: 'Owner', value: f => groupLabel(f.owner) },
    { title: 'Environment', value: f => f.environment },
    { title: 'Reason', value: f => f.reason },
    { title: 'Action', value: f => f.action ?? '—' },
  ];
  return (
    <Loading state={findings}>
      {({ items, totalCount }) => (
        <>
          <SimpleTable
            label={`Clusters failing ${rule}`}
            columns={columns}
            rows={items}
            rowKey={f => f.cluster}
          />
          {totalCount > PAGE_SIZES[0] && (
            <TablePaging
              count={totalCount}
              paging={paging}
              pageSizes={PAGE_SIZES}
            />
          )}
        </>
      )}
    </Loading>
  );
};
