import Typography from '@material-ui/core/Typography';
import TrendingDownIcon from '@material-ui/icons/TrendingDown';
import TrendingFlatIcon from '@material-ui/icons/TrendingFlat';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { makeStyles } from '@material-ui/core/styles';
import { formatPercent, percentChange } from './format';

const useStyles = makeStyles(theme => ({
  trend: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
  good: { color: theme.palette.success.main },
  bad: { color: theme.palette.error.main },
}));

/**
 * The change from the previous period, with an arrow coloured by whether
 * going up is good (scores) or bad (spend).
 */
export const Trend = ({
  current,
  previous,
  upIsGood = false,
  vs = 'previous period',
}: {
  current: number;
  previous?: number;
  upIsGood?: boolean;
  vs?: string;
}) => {
  const classes = useStyles();
  const change =
    previous === undefined ? undefined : percentChange(current, previous);
  if (change === undefined)
    return (
      <Typography variant="body2" color="textSecondary">
        No {vs} to compare with
      </Typography>
    );
  const flat = Math.abs(change) < 0.5;
  let Icon = TrendingFlatIcon;
  if (!flat) Icon = change > 0 ? TrendingUpIcon : TrendingDownIcon;
  let tone = '';
  if (!flat) tone = change > 0 === upIsGood ? classes.good : classes.bad;
  return (
    <Typography variant="body2" className={`${classes.trend} ${tone}`}>
      <Icon fontSize="small" />
      {flat ? 'No change' : formatPercent(change)} vs {vs}
    </Typography>
  );
};
