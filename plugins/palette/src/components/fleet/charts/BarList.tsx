import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CSSProperties, ReactNode } from 'react';

/** A bar of a `BarList`. */
export interface Bar {
  key: string;
  label: ReactNode;
  value: number;
  /** A lighter extension of the bar, e.g. the forecast beyond spend so far. */
  extra?: number;
  /** A vertical line across the bar, e.g. a budget. */
  marker?: number;
  /** Colours the bar. */
  tone?: 'error' | 'warning' | 'success';
  /** Shown at the right instead of the formatted value. */
  valueText?: ReactNode;
}

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(80px, 30%) 1fr auto',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.75),
  },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  track: {
    position: 'relative',
    height: 14,
    background: theme.palette.action.hover,
    borderRadius: 2,
  },
  fill: { position: 'absolute', top: 0, bottom: 0, borderRadius: 2 },
  extra: { opacity: 0.35 },
  marker: {
    position: 'absolute',
    top: -3,
    bottom: -3,
    width: 2,
    background: theme.palette.text.primary,
  },
}));

const useToneStyles = makeStyles(theme => ({
  primary: { background: theme.palette.primary.main },
  error: { background: theme.palette.error.main },
  warning: { background: theme.palette.warning.main },
  success: { background: theme.palette.success.main },
}));

const ToneBox = ({
  tone,
  className,
  style,
}: {
  tone: Bar['tone'];
  className: string;
  style: CSSProperties;
}) => {
  const classes = useToneStyles();
  return (
    <div
      className={`${className} ${classes[tone ?? 'primary']}`}
      style={style}
    />
  );
};

/**
 * Horizontal bars on one scale, one a row with its label and value: for
 * breakdowns, scores and spend against budgets.
 */
export const BarList = ({
  bars,
  label,
  max,
  formatValue = String,
}: {
  bars: Bar[];
  /** The list's accessible name. */
  label: string;
  /** The end of the scale (default: the largest value, extra or marker). */
  max?: number;
  formatValue?: (value: number) => string;
}) => {
  const classes = useStyles();
  const top =
    max ??
    Math.max(
      0,
      ...bars.map(b => Math.max(b.value + (b.extra ?? 0), b.marker ?? 0)),
    );
  const pct = (v: number) => `${top > 0 ? Math.min(100, (v / top) * 100) : 0}%`;
  return (
    <div role="list" aria-label={label}>
      {bars.map(b => (
        <div role="listitem" key={b.key} className={classes.row}>
          <Typography variant="body2" className={classes.label}>
            {b.label}
          </Typography>
          <div className={classes.track}>
            <ToneBox
              tone={b.tone}
              className={classes.fill}
              style={{ left: 0, width: pct(b.value) }}
            />
            {!!b.extra && (
              <ToneBox
                tone={b.tone}
                className={`${classes.fill} ${classes.extra}`}
                style={{ left: pct(b.value), width: pct(b.extra) }}
              />
            )}
            {b.marker !== undefined && (
              <div
                className={classes.marker}
                style={{ left: pct(b.marker) }}
                title={`Budget ${formatValue(b.marker)}`}
              />
            )}
          </div>
          <Typography variant="body2">
            {b.valueText ?? formatValue(b.value)}
          </Typography>
        </div>
      ))}
    </div>
  );
};
