import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  value: { fontWeight: theme.typography.fontWeightBold as number },
}));

/** A key figure in a card: its value large, with a line below. */
export const Stat = ({
  title,
  value,
  children,
}: {
  title: string;
  value: ReactNode;
  /** Below the value, e.g. a trend. */
  children?: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <InfoCard title={title} noPadding={false}>
      <Typography variant="h4" component="p" className={classes.value}>
        {value}
      </Typography>
      {children}
    </InfoCard>
  );
};
