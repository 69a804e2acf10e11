import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AutorenewIcon from '@material-ui/icons/Autorenew';
import { ClusterUpgradePreview } from '@palette-backstage/plugin-palette-common';
import { MessageList } from '../../profiles/DraftEditor/MessageList';
import { profileRefText } from '../utils';

const useStyles = makeStyles(theme => ({
  heading: { marginTop: theme.spacing(2) },
  fields: { fontFamily: 'monospace', fontSize: '0.85em' },
}));

const CHANGE_COLORS = {
  added: 'primary',
  create: 'primary',
  removed: 'secondary',
  delete: 'secondary',
  changed: 'default',
  update: 'default',
} as const;

const refs = (side: ClusterUpgradePreview['from']) =>
  [side.profile, ...side.addOnProfiles].map(profileRefText).join(' + ');

/** What an upgrade changes: layers, what rolls, the objects, and what validation says. */
export const UpgradePreviewView = ({
  preview,
}: {
  preview: ClusterUpgradePreview;
}) => {
  const classes = useStyles();
  return (
    <div aria-label="Upgrade preview" role="region">
      <Typography>
        <strong>{refs(preview.from)}</strong> →{' '}
        <strong>{refs(preview.to)}</strong>
      </Typography>
      <MessageList
        messages={preview.messages.map(message => ({ message }))}
        label="Upgrade messages"
      />

      <Typography variant="subtitle2" className={classes.heading}>
        Changes
      </Typography>
      {preview.changes.length ? (
        <Table size="small" aria-label="Layer changes">
          <TableBody>
            {preview.changes.map((c, i) => (
              <TableRow key={`${c.layer}-${i}`}>
                <TableCell>{c.layer}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={c.change}
                    color={CHANGE_COLORS[c.change]}
                  />
                </TableCell>
                <TableCell>{c.summary}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No layer changes.
        </Typography>
      )}

      <Typography variant="subtitle2" className={classes.heading}>
        What rolls
      </Typography>
      {preview.rolls.length ? (
        <List dense aria-label="What rolls">
          {preview.rolls.map(r => (
            <ListItem key={r} disableGutters>
              <ListItemIcon>
                <AutorenewIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText primary={r} />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Nothing is replaced: no machine or workload restarts.
        </Typography>
      )}

      <Typography variant="subtitle2" className={classes.heading}>
        Objects that change ({preview.objectChanges.length})
      </Typography>
      {preview.objectChanges.length > 0 && (
        <Table size="small" aria-label="Object changes">
          <TableHead>
            <TableRow>
              <TableCell>Object</TableCell>
              <TableCell>Change</TableCell>
              <TableCell>Fields</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.objectChanges.map(o => (
              <TableRow key={`${o.kind}/${o.name}`}>
                <TableCell>
                  {o.kind}/{o.name}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={o.change}
                    color={CHANGE_COLORS[o.change]}
                  />
                </TableCell>
                <TableCell className={classes.fields}>
                  {o.fields.join(', ') || '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
};
