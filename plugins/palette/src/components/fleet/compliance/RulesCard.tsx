import { InfoCard } from '@backstage/core-components';
import IconButton from '@material-ui/core/IconButton';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  ComplianceRuleId,
  RuleStatus,
} from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { SimpleColumn, SimpleTable } from '../../shared';
import { RuleClusters } from './RuleClusters';
import { SEVERITIES } from './severity';
import { SeverityChip } from './SeverityChip';

const bySeverityThenFailing = (a: RuleStatus, b: RuleStatus) =>
  SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
  b.failing - a.failing;

/**
 * Every rule with how many clusters fail it, worst first; a failing rule
 * expands to the clusters failing it.
 */
export const RulesCard = ({ rules }: { rules: RuleStatus[] }) => {
  const [open, setOpen] = useState<ComplianceRuleId>();
  const columns: SimpleColumn<RuleStatus>[] = [
    {
      value: r =>
        r.failing > 0 && (
          <IconButton
            size="small"
            aria-label={`${
              open === r.rule ? 'Hide' : 'Show'
            } clusters failing ${r.rule}`}
            aria-expanded={open === r.rule}
            onClick={() => setOpen(open === r.rule ? undefined : r.rule)}
          >
            {open === r.rule ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        ),
    },
    { title: 'Rule', value: r => r.rule },
    { title: 'Severity', value: r => <SeverityChip severity={r.severity} /> },
    { title: 'Description', value: r => r.description },
    { title: 'Failing', value: r => r.failing },
    { title: 'Passing', value: r => r.passing },
  ];
  return (
    <InfoCard title="Rules" noPadding>
      <SimpleTable
        label="Compliance rules"
        columns={columns}
        rows={[...rules].sort(bySeverityThenFailing)}
        rowKey={r => r.rule}
        detail={r => open === r.rule && <RuleClusters rule={r.rule} />}
      />
    </InfoCard>
  );
};
