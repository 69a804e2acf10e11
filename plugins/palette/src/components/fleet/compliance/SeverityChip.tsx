import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { ComplianceSeverity } from '@palette-backstage/plugin-palette-common';
import { SEVERITY_TONES } from './severity';

const useStyles = makeStyles(theme => ({
  error: {
    background: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  warning: {
    background: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
}));

/** A severity, coloured by how bad it is, with an optional count. */
export const SeverityChip = ({
  severity,
  count,
}: {
  severity: ComplianceSeverity;
  count?: number;
}) => {
  const classes = useStyles();
  const tone = SEVERITY_TONES[severity];
  return (
    <Chip
      size="small"
      className={tone ? classes[tone] : undefined}
      label={count === undefined ? severity : `${count} ${severity}`}
    />
  );
};
