import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DriftedField } from '@palette-backstage/plugin-palette-common';
import { SimpleTable } from '../../shared';

const useStyles = makeStyles(theme => ({
  code: { fontFamily: 'monospace', fontSize: '0.85em', wordBreak: 'break-all' },
  empty: { padding: theme.spacing(2) },
}));

const show = (value: unknown) =>
  value === undefined ? 'absent' : JSON.stringify(value);

/** Fields whose live value differs from what the profile renders. */
export const DriftCard = ({ drift }: { drift: DriftedField[] }) => {
  const classes = useStyles();
  return (
    <InfoCard
      title={drift.length ? `Drift (${drift.length})` : 'Drift'}
      subheader="Live objects compared with what the profile renders"
      noPadding
    >
      {drift.length ? (
        <SimpleTable
          label="Drifted fields"
          rows={drift}
          rowKey={d => `${d.object}:${d.path}`}
          columns={[
            { title: 'Object', value: d => d.object },
            { title: 'Field', value: d => d.path, className: classes.code },
            {
              title: 'Desired',
              value: d => show(d.desired),
              className: classes.code,
            },
            {
              title: 'Live',
              value: d => show(d.live),
              className: classes.code,
            },
          ]}
        />
      ) : (
        <Typography color="textSecondary" className={classes.empty}>
          No drift: the live objects match what the profile renders.
        </Typography>
      )}
    </InfoCard>
  );
};
