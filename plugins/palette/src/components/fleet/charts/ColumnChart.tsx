import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { seriesColor } from './colors';

/** A column of a `ColumnChart`: its total, or its parts by series. */
export interface Column {
  label: string;
  value: number;
  parts?: Record<string, number>;
}

const useStyles = makeStyles(theme => ({
  axis: {
    display: 'flex',
    justifyContent: 'space-between',
    color: theme.palette.text.secondary,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: theme.spacing(0.5),
    borderRadius: 2,
  },
}));

const WIDTH = 600;

/**
 * Columns over time, stacked by series when they have `parts`, with the
 * first and last labels below and a legend of the series. Each column and
 * part has a tooltip.
 */
export const ColumnChart = ({
  columns,
  label,
  height = 180,
  formatValue = String,
}: {
  columns: Column[];
  /** The chart's accessible name. */
  label: string;
  height?: number;
  formatValue?: (value: number) => string;
}) => {
  const classes = useStyles();
  const theme = useTheme();
  const series = [...new Set(columns.flatMap(c => Object.keys(c.parts ?? {})))];
  const top = Math.max(0, ...columns.map(c => c.value));
  const slot = WIDTH / Math.max(columns.length, 1);
  const barWidth = Math.max(slot * 0.75, 1);
  const scale = (v: number) => (top > 0 ? (v / top) * height : 0);
  return (
    <div>
      <svg
        role="img"
        aria-label={label}
        width="100%"
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="none"
      >
        {columns.map((c, i) => {
          const x = i * slot + (slot - barWidth) / 2;
          if (!series.length || !c.parts) {
            const h = scale(c.value);
            return (
              <rect
                key={c.label}
                x={x}
                y={height - h}
                width={barWidth}
                height={h}
                fill={theme.palette.primary.main}
              >
                <title>{`${c.label}: ${formatValue(c.value)}`}</title>
              </rect>
            );
          }
          let base = height;
          return (
            <g key={c.label}>
              {series.map((s, j) => {
                const v = c.parts?.[s] ?? 0;
                const h = scale(v);
                base -= h;
                return (
                  <rect
                    key={s}
                    x={x}
                    y={base}
                    width={barWidth}
                    height={h}
                    fill={seriesColor(j)}
                  >
                    <title>{`${c.label} · ${s}: ${formatValue(v)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
      {columns.length > 0 && (
        <div className={classes.axis}>
          <Typography variant="caption">{columns[0].label}</Typography>
          <Typography variant="caption">
            {columns[columns.length - 1].label}
          </Typography>
        </div>
      )}
      {series.length > 0 && (
        <div className={classes.legend} aria-label="Legend">
          {series.map((s, j) => (
            <Typography key={s} variant="caption">
              <span
                className={classes.swatch}
                style={{ background: seriesColor(j) }}
              />
              {s}
            </Typography>
          ))}
        </div>
      )}
    </div>
  );
};
