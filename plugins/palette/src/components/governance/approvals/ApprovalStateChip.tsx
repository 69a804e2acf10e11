import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { ApprovalState } from '@palette-backstage/plugin-palette-common';

const useStyles = makeStyles(theme => ({
  Pending: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  Approved: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  Rejected: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  Expired: {
    backgroundColor: theme.palette.grey[500],
    color: theme.palette.getContrastText(theme.palette.grey[500]),
  },
}));

/** What each approval state means. */
export const APPROVAL_STATE_HELP: Readonly<Record<ApprovalState, string>> = {
  Pending: 'Waiting for a member of the approver group; nothing is created yet',
  Approved: 'Approved: Palette provisions the cluster',
  Rejected: 'Rejected by an approver; nothing was created',
  Expired: 'Nobody decided in time; nothing was created',
};

/** An approval's state as a coloured chip, with what it means. */
export const ApprovalStateChip = ({ state }: { state: ApprovalState }) => {
  const classes = useStyles();
  return (
    <Tooltip title={APPROVAL_STATE_HELP[state]}>
      <Chip size="small" label={state} className={classes[state]} />
    </Tooltip>
  );
};
