import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { CostEstimate } from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { formatMoneyRange } from '../fleet/format';
import { errorMessage } from '../profiles/utils';
import { SimpleTable } from '../shared';
import { hourlyText, isRange, listMissing, monthlyText } from './costEstimate';

const useStyles = makeStyles(theme => ({
  root: { marginTop: theme.spacing(1) },
  total: { fontWeight: theme.typography.fontWeightBold as number },
  money: { whiteSpace: 'nowrap', textAlign: 'right' },
  warnings: { marginTop: theme.spacing(1) },
}));

/**
 * A request's estimated cost: per month and per hour (a range when pools
 * autoscale), with a breakdown to open (control plane, each pool, storage)
 * and the prices the model did not know. Failing to estimate is a warning,
 * never in the way of the form.
 */
export const CostEstimateView = ({
  estimate,
  loading,
  error,
  missing = [],
}: {
  estimate?: CostEstimate;
  loading: boolean;
  error?: Error;
  /** What the form still lacks for an estimate. */
  missing?: string[];
}) => {
  const classes = useStyles();
  const [open, setOpen] = useState(false);

  let body;
  if (missing.length)
    body = (
      <Typography variant="body2" color="textSecondary">
        The cost is estimated once the form has {listMissing(missing)}.
      </Typography>
    );
  else if (error && !loading)
    body = (
      <Alert severity="warning">
        Could not estimate the cost: {errorMessage(error)}. This does not stop
        the request.
      </Alert>
    );
  else if (estimate) {
    const { currency } = estimate;
    body = (
      <>
        <Typography variant="body2">
          <span className={classes.total}>
            {monthlyText(estimate.total, currency)}
          </span>{' '}
          ({hourlyText(estimate.total, currency)}) at list prices
          {isRange(estimate) &&
            ': a range, as autoscaled pools run between their minimum and maximum node counts'}
          .
        </Typography>
        <Button
          size="small"
          color="primary"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide the breakdown' : 'Show the breakdown'}
        </Button>
        <Collapse in={open} unmountOnExit>
          <SimpleTable
            label="Cost breakdown"
            rows={estimate.lines}
            rowKey={line => line.item}
            columns={[
              { title: 'Item', value: line => line.item },
              {
                title: 'Per hour',
                className: classes.money,
                value: line => formatMoneyRange(line.cost.hourly, currency),
              },
              {
                title: 'Per month',
                className: classes.money,
                value: line =>
                  formatMoneyRange(line.cost.monthly, currency, {
                    whole: true,
                  }),
              },
            ]}
          />
        </Collapse>
        {estimate.warnings.length > 0 && (
          <Alert severity="info" className={classes.warnings}>
            The estimate may be low: {estimate.warnings.join('; ')}.
          </Alert>
        )}
      </>
    );
  }

  return (
    <div className={classes.root} aria-live="polite">
      {loading && !missing.length && (
        <LinearProgress aria-label="Estimating the cost" />
      )}
      {body}
    </div>
  );
};
