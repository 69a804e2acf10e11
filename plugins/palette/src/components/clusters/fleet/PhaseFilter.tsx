import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CLUSTER_PHASES,
  ClusterPhase,
} from '@palette-backstage/plugin-palette-common';
import { usePhaseColors } from '../ClusterChips';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: 12,
    borderRadius: 6,
    overflow: 'hidden',
    backgroundColor: theme.palette.action.hover,
    marginBottom: theme.spacing(1),
  },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.75) },
  dot: {
    width: 10,
    height: 10,
    borderRadius: '50%',
    display: 'inline-block',
    marginLeft: theme.spacing(1),
  },
}));

const format = (n: number) => n.toLocaleString('en-US');

/**
 * The fleet by phase: a bar of the share of each phase, and a chip per
 * phase with its count that filters the list (several may be chosen).
 */
export const PhaseFilter = ({
  counts,
  selected,
  onChange,
}: {
  counts: Partial<Record<ClusterPhase, number>>;
  selected: ClusterPhase[];
  onChange: (phases: ClusterPhase[]) => void;
}) => {
  const classes = useStyles();
  const colors = usePhaseColors();
  const total = CLUSTER_PHASES.reduce((sum, p) => sum + (counts[p] ?? 0), 0);
  // Deleted clusters are history: offered only when there are some.
  const phases = CLUSTER_PHASES.filter(
    p => p !== 'Deleted' || (counts[p] ?? 0) > 0 || selected.includes(p),
  );
  const present = CLUSTER_PHASES.filter(p => (counts[p] ?? 0) > 0);
  const toggle = (phase: ClusterPhase) =>
    onChange(
      selected.includes(phase)
        ? selected.filter(p => p !== phase)
        : [...selected, phase],
    );

  return (
    <div>
      <div
        className={classes.bar}
        role="img"
        aria-label={
          total
            ? `Clusters by phase: ${present
                .map(p => `${p} ${format(counts[p] ?? 0)}`)
                .join(', ')}`
            : 'No clusters'
        }
      >
        {present.map(p => (
          <Tooltip
            key={p}
            title={`${p}: ${format(counts[p] ?? 0)} (${Math.round(
              ((counts[p] ?? 0) / total) * 100,
            )}%)`}
          >
            <div
              style={{
                width: `${((counts[p] ?? 0) / total) * 100}%`,
                backgroundColor: colors[p],
              }}
            />
          </Tooltip>
        ))}
      </div>
      <div className={classes.chips} role="group" aria-label="Filter by phase">
        {phases.map(p => {
          const isSelected = selected.includes(p);
          return (
            <Chip
              key={p}
              clickable
              size="small"
              color={isSelected ? 'primary' : 'default'}
              variant={isSelected ? 'default' : 'outlined'}
              aria-pressed={isSelected}
              onClick={() => toggle(p)}
              icon={
                <span
                  className={classes.dot}
                  style={{ backgroundColor: colors[p] }}
                />
              }
              label={`${p} ${format(counts[p] ?? 0)}`}
            />
          );
        })}
        {selected.length > 0 && (
          <Chip
            size="small"
            clickable
            label="All phases"
            onClick={() => onChange([])}
          />
        )}
        <Typography variant="body2" color="textSecondary" component="span">
          {format(total)} in all
        </Typography>
      </div>
    </div>
  );
};
