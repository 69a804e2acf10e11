import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DriftedField } from '@palette-backstage/plugin-palette-common';

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
        <Table size="small" aria-label="Drifted fields">
          <TableHead>
            <TableRow>
              <TableCell>Object</TableCell>
              <TableCell>Field</TableCell>
              <TableCell>Desired</TableCell>
              <TableCell>Live</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {drift.map(d => (
              <TableRow key={`${d.object}:${d.path}`}>
                <TableCell>{d.object}</TableCell>
                <TableCell className={classes.code}>{d.path}</TableCell>
                <TableCell className={classes.code}>
                  {show(d.desired)}
                </TableCell>
                <TableCell className={classes.code}>{show(d.live)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography color="textSecondary" className={classes.empty}>
          No drift: the live objects match what the profile renders.
        </Typography>
      )}
    </InfoCard>
  );
};
