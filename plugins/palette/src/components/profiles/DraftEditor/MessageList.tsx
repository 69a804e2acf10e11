import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';
import { ValidationMessage } from '@palette-backstage/plugin-palette-common';

const useStyles = makeStyles(theme => ({
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  info: { color: theme.palette.info.main },
  icon: { minWidth: theme.spacing(4) },
  code: { fontFamily: 'monospace', fontSize: '0.8em' },
}));

const ICONS = { error: ErrorIcon, warning: WarningIcon, info: InfoIcon };
const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', info: 'Note' };

/** Validation messages with their severity, each with an optional line. */
export const MessageList = ({
  messages,
  label,
}: {
  messages: Array<{ message: ValidationMessage; line?: number }>;
  label: string;
}) => {
  const classes = useStyles();
  if (!messages.length) return null;
  return (
    <List dense aria-label={label} disablePadding>
      {messages.map(({ message, line }, i) => {
        const Icon = ICONS[message.severity];
        return (
          <ListItem
            key={`${message.code}-${message.field}-${i}`}
            disableGutters
          >
            <ListItemIcon className={classes.icon}>
              <Icon
                fontSize="small"
                className={classes[message.severity]}
                titleAccess={SEVERITY_LABELS[message.severity]}
              />
            </ListItemIcon>
            <ListItemText
              primary={
                line !== undefined && !/\bline \d+\b/.test(message.message)
                  ? `Line ${line}: ${message.message}`
                  : message.message
              }
              secondary={<span className={classes.code}>{message.field}</span>}
            />
          </ListItem>
        );
      })}
    </List>
  );
};
