import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { AuditEvent } from '@palette-backstage/plugin-palette-common';

const useStyles = makeStyles(theme => ({
  json: {
    margin: 0,
    padding: theme.spacing(1),
    maxHeight: 320,
    overflow: 'auto',
    fontSize: '0.8rem',
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
  },
}));

const jsonText = (value: unknown) =>
  value === undefined || value === null
    ? '(nothing)'
    : JSON.stringify(value, null, 2);

/** An audit event's state before and after the change, as JSON side by side. */
export const AuditChanges = ({ event }: { event: AuditEvent }) => {
  const classes = useStyles();
  const side = (title: string, value: unknown) => (
    <Grid item xs={12} md={6}>
      <Typography variant="subtitle2" component="h4">
        {title}
      </Typography>
      <pre className={classes.json} aria-label={`${title} ${event.target}`}>
        {jsonText(value)}
      </pre>
    </Grid>
  );
  return (
    <Grid container spacing={2}>
      {side('Before', event.before)}
      {side('After', event.after)}
    </Grid>
  );
};
