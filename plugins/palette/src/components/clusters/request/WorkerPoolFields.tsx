import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import { helperTextOf } from '../utils';
import { newPool, PoolForm } from './poolForm';
import { MessagesOf } from './VariableFields';

const useStyles = makeStyles(theme => ({
  pool: { padding: theme.spacing(1, 2), marginBottom: theme.spacing(1) },
  header: { display: 'flex', alignItems: 'center' },
  grow: { flex: 1 },
}));

/**
 * One worker pool's inputs: name, instance type, node count and optional
 * autoscaling bounds. `messagesOf` takes fields relative to the pool
 * (`name`, `count`, `autoscaling.min`).
 */
export const WorkerPoolFields = ({
  pool,
  onChange,
  messagesOf,
  disabled,
  nameDisabled,
}: {
  pool: PoolForm;
  onChange: (pool: PoolForm) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
  /** Existing pools keep their name and instance type. */
  nameDisabled?: boolean;
}) => {
  const field = (
    key: 'name' | 'instanceType' | 'count' | 'min' | 'max',
    label: string,
    path: string,
    help?: string,
    extra: { type?: string; required?: boolean } = {},
  ) => (
    <TextField
      id={`${pool.id}-${key}`}
      label={label}
      value={pool[key]}
      onChange={e => onChange({ ...pool, [key]: e.target.value })}
      disabled={
        disabled || (nameDisabled && (key === 'name' || key === 'instanceType'))
      }
      {...helperTextOf(messagesOf(path), help)}
      {...extra}
      inputProps={extra.type === 'number' ? { min: 0 } : undefined}
      fullWidth
      margin="dense"
      variant="outlined"
    />
  );
  return (
    <Grid container spacing={1} alignItems="flex-start">
      <Grid item xs={12} sm={4}>
        {field('name', 'Pool name', 'name', 'e.g. workers', { required: true })}
      </Grid>
      <Grid item xs={12} sm={5}>
        {field(
          'instanceType',
          'Instance type',
          'instanceType',
          'e.g. m5.large, or a size such as medium',
          { required: true },
        )}
      </Grid>
      <Grid item xs={12} sm={3}>
        {field('count', 'Nodes', 'count', undefined, {
          type: 'number',
          required: true,
        })}
      </Grid>
      <Grid item xs={12} sm={4}>
        <FormControlLabel
          control={
            <Checkbox
              color="primary"
              checked={pool.autoscaling}
              onChange={e =>
                onChange({ ...pool, autoscaling: e.target.checked })
              }
              disabled={disabled}
            />
          }
          label="Autoscaling"
        />
      </Grid>
      {pool.autoscaling && (
        <>
          <Grid item xs={6} sm={4}>
            {field('min', 'Minimum', 'autoscaling.min', 'Fewest nodes', {
              type: 'number',
            })}
          </Grid>
          <Grid item xs={6} sm={4}>
            {field('max', 'Maximum', 'autoscaling.max', 'Most nodes', {
              type: 'number',
            })}
          </Grid>
        </>
      )}
    </Grid>
  );
};

/** `pool-N`, with the first N no pool is named after. */
function freePoolName(pools: PoolForm[]): string {
  const taken = new Set(pools.map(p => p.name.trim()));
  let n = pools.length + 1;
  while (taken.has(`pool-${n}`)) n += 1;
  return `pool-${n}`;
}

/** Worker pools: at least one; each can be removed while another remains. */
export const WorkerPoolsEditor = ({
  pools,
  onChange,
  messagesOf,
  disabled,
}: {
  pools: PoolForm[];
  onChange: (pools: PoolForm[]) => void;
  /** Takes request paths (`workerPools.0.count`). */
  messagesOf: MessagesOf;
  disabled?: boolean;
}) => {
  const classes = useStyles();
  const listMessages = helperTextOf(messagesOf('workerPools'));
  return (
    <div>
      {pools.map((pool, i) => {
        const title = `Worker pool ${i + 1}`;
        return (
          <Paper
            key={pool.id}
            variant="outlined"
            className={classes.pool}
            role="group"
            aria-label={title}
          >
            <div className={classes.header}>
              <Typography variant="subtitle2" className={classes.grow}>
                {title}
                {pool.name.trim() ? `: ${pool.name.trim()}` : ''}
              </Typography>
              <Tooltip
                title={
                  pools.length > 1
                    ? 'Remove this pool'
                    : 'A cluster needs at least one worker pool'
                }
              >
                <span>
                  <IconButton
                    size="small"
                    aria-label={`Remove ${title}`}
                    disabled={disabled || pools.length === 1}
                    onClick={() =>
                      onChange(pools.filter(p => p.id !== pool.id))
                    }
                  >
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
            </div>
            <WorkerPoolFields
              pool={pool}
              onChange={changed =>
                onChange(pools.map(p => (p.id === changed.id ? changed : p)))
              }
              messagesOf={field => messagesOf(`workerPools.${i}.${field}`)}
              disabled={disabled}
            />
          </Paper>
        );
      })}
      {listMessages.helperText && (
        <Typography color="error" variant="body2">
          {listMessages.helperText}
        </Typography>
      )}
      <Button
        size="small"
        color="primary"
        startIcon={<AddIcon />}
        disabled={disabled || pools.length >= 20}
        onClick={() =>
          onChange([
            ...pools,
            newPool(pools.length, {
              name: freePoolName(pools),
              instanceType: pools[pools.length - 1]?.instanceType ?? '',
            }),
          ])
        }
      >
        Add pool
      </Button>
    </div>
  );
};
