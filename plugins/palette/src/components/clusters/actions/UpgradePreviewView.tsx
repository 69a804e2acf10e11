import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AutorenewIcon from '@material-ui/icons/Autorenew';
import { ClusterUpgradePreview } from '@palette-backstage/plugin-palette-common';
import { MessageList } from '../../profiles/DraftEditor/MessageList';
import { SimpleTable } from '../../shared';
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

const ChangeChip = ({ change }: { change: keyof typeof CHANGE_COLORS }) => (
  <Chip size="small" label={change} color={CHANGE_COLORS[change]} />
);

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
        <SimpleTable
          label="Layer changes"
          rows={preview.changes}
          rowKey={(c, i) => `${c.layer}-${i}`}
          columns={[
            { value: c => c.layer },
            { value: c => <ChangeChip change={c.change} /> },
            { value: c => c.summary },
          ]}
        />
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
        <SimpleTable
          label="Object changes"
          rows={preview.objectChanges}
          rowKey={o => `${o.kind}/${o.name}`}
          columns={[
            { title: 'Object', value: o => `${o.kind}/${o.name}` },
            { title: 'Change', value: o => <ChangeChip change={o.change} /> },
            {
              title: 'Fields',
              value: o => o.fields.join(', ') || '—',
              className: classes.fields,
            },
          ]}
        />
      )}
    </div>
  );
};
