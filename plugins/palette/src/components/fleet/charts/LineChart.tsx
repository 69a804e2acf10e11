import { useTheme } from '@material-ui/core/styles';

/** A point of a `LineChart`. */
export interface LinePoint {
  label: string;
  value: number;
}

const WIDTH = 300;

/**
 * A line over an area, as SVG scaled to its container's width: a sparkline
 * (`height` ~40) or a small trend chart. Each point has a tooltip.
 */
export const LineChart = ({
  points,
  label,
  height = 120,
  max,
  formatValue = String,
}: {
  points: LinePoint[];
  /** The chart's accessible name. */
  label: string;
  height?: number;
  /** The top of the scale (default: the largest value). */
  max?: number;
  formatValue?: (value: number) => string;
}) => {
  const theme = useTheme();
  const color = theme.palette.primary.main;
  const top = max ?? Math.max(0, ...points.map(p => p.value));
  const pad = 3;
  const x = (i: number) =>
    points.length < 2 ? WIDTH / 2 : (i / (points.length - 1)) * WIDTH;
  const y = (v: number) =>
    height - pad - (top > 0 ? (v / top) * (height - 2 * pad) : 0);
  const line = points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ');
  return (
    <svg
      role="img"
      aria-label={label}
      width="100%"
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="none"
    >
      {points.length > 1 && (
        <polygon
          points={`0,${height} ${line} ${WIDTH},${height}`}
          fill={color}
          opacity={0.15}
        />
      )}
      <polyline
        points={line}
        fill="none"
        stroke={color}
        strokeWidth={2}
        vectorEffect="non-scaling-stroke"
      />
      {points.map((p, i) => (
        <rect
          key={p.label}
          x={x(i) - WIDTH / points.length / 2}
          y={0}
          width={WIDTH / points.length}
          height={height}
          fill="transparent"
        >
          <title>{`${p.label}: ${formatValue(p.value)}`}</title>
        </rect>
      ))}
    </svg>
  );
};
