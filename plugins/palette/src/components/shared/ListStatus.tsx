import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles({
  slot: { height: 4 },
});

/**
 * A thin progress bar while a list loads again, in a slot that keeps its
 * height so that the list does not move.
 */
export const ReloadProgress = ({
  loading,
  label,
}: {
  loading: boolean;
  /** The accessible name of the progress bar. */
  label: string;
}) => {
  const classes = useStyles();
  return (
    <div className={classes.slot}>
      {loading && <LinearProgress aria-label={label} />}
    </div>
  );
};

/** What a filtered list says when nothing matches, and a way back. */
export const NoMatches = ({
  children,
  onClear,
}: {
  children: ReactNode;
  onClear: () => void;
}) => (
  <>
    <Typography>{children}</Typography>
    <Button color="primary" onClick={onClear}>
      Clear filters
    </Button>
  </>
);
