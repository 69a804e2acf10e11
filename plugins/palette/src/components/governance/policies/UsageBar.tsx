import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  root: { minWidth: 120 },
  bar: { height: 8, borderRadius: 4, marginTop: 2 },
  ok: { backgroundColor: theme.palette.success.main },
  near: { backgroundColor: theme.palette.warning.main },
  over: { backgroundColor: theme.palette.error.main },
  track: { backgroundColor: theme.palette.grey[300] },
}));

/** From this share of a limit on, a bar warns. */
export const NEAR_LIMIT = 0.8;

/** How full a limit is: `ok`, `near` it, or at or `over` it. */
export function usageLevel(used: number, limit: number) {
  if (limit <= 0) return used > 0 ? 'over' : 'ok';
  const share = used / limit;
  if (share >= 1) return 'over';
  return share >= NEAR_LIMIT ? 'near' : 'ok';
}

/**
 * What a team uses against one limit of its quota, as a bar coloured by how
 * full it is (green, amber from 80 %, red at the limit), with the numbers;
 * just the number when there is no limit.
 */
export const UsageBar = ({
  used,
  limit,
  unit,
  format = n => String(n),
}: {
  used: number;
  limit?: number;
  /** What is counted, e.g. `clusters`. */
  unit: string;
  format?: (n: number) => string;
}) => {
  const classes = useStyles();
  if (limit === undefined)
    return (
      <div className={classes.root}>
        <Typography variant="body2">
          {format(used)} {unit}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          no limit
        </Typography>
      </div>
    );
  const level = usageLevel(used, limit);
  const value = limit > 0 ? Math.min(100, (used / limit) * 100) : 100;
  return (
    <div className={classes.root}>
      <Typography variant="body2">
        {format(used)} / {format(limit)} {unit}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={value}
        classes={{
          root: classes.bar,
          colorPrimary: classes.track,
          barColorPrimary: classes[level],
        }}
        aria-label={`${format(used)} of ${format(limit)} ${unit}${
          level === 'over' ? ', at or over the limit' : ''
        }`}
      />
    </div>
  );
};
