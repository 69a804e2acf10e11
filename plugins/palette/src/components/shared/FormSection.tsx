import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  title: { marginTop: theme.spacing(2), marginBottom: theme.spacing(0.5) },
}));

/** A titled part of a long dialog form. */
export const FormSection = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <section>
      <Typography variant="subtitle1" className={classes.title}>
        {title}
      </Typography>
      {children}
    </section>
  );
};
