import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { alpha, makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  LayerChange,
  LineDiffEntry,
  PACK_LAYER_LABELS,
  ProfileDiff,
  ProfileLayer,
} from '@palette-backstage/plugin-palette-common';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(3) },
  card: { padding: theme.spacing(2), marginBottom: theme.spacing(1.5) },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(1),
  },
  chips: {
    display: 'flex',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(2),
  },
  added: { color: theme.palette.success.main },
  removed: { color: theme.palette.error.main },
  diff: {
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    font: '12px/18px monospace',
    border: `1px solid ${theme.palette.divider}`,
  },
  lineNo: {
    width: '3.5em',
    textAlign: 'right',
    paddingRight: theme.spacing(1),
    color: theme.palette.text.secondary,
    userSelect: 'none',
    verticalAlign: 'top',
  },
  code: {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    paddingLeft: theme.spacing(1),
    verticalAlign: 'top',
  },
  add: { backgroundColor: alpha(theme.palette.success.main, 0.18) },
  remove: { backgroundColor: alpha(theme.palette.error.main, 0.18) },
  empty: { backgroundColor: theme.palette.action.hover },
  divider: { borderLeft: `1px solid ${theme.palette.divider}` },
  headCell: {
    textAlign: 'left',
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    fontFamily: theme.typography.fontFamily,
  },
}));

interface Side {
  line: string;
  number?: number;
  op: 'equal' | 'add' | 'remove';
}

/** Pairs a line diff into side-by-side rows: removals left, additions right. */
export function sideBySideRows(
  entries: LineDiffEntry[],
): Array<{ left?: Side; right?: Side }> {
  const rows: Array<{ left?: Side; right?: Side }> = [];
  let removed: Side[] = [];
  let added: Side[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++)
      rows.push({ left: removed[i], right: added[i] });
    removed = [];
    added = [];
  };
  for (const entry of entries) {
    if (entry.op === 'remove')
      removed.push({ line: entry.line, number: entry.oldLine, op: 'remove' });
    else if (entry.op === 'add')
      added.push({ line: entry.line, number: entry.newLine, op: 'add' });
    else {
      flush();
      rows.push({
        left: { line: entry.line, number: entry.oldLine, op: 'equal' },
        right: { line: entry.line, number: entry.newLine, op: 'equal' },
      });
    }
  }
  flush();
  return rows;
}

const SIGNS = { add: '+ ', remove: '- ', equal: '  ' };

/** The values diff of one layer, side by side, changed lines coloured. */
export const ValuesDiff = ({
  entries,
  fromLabel,
  toLabel,
  label,
}: {
  entries: LineDiffEntry[];
  fromLabel: string;
  toLabel: string;
  label: string;
}) => {
  const classes = useStyles();
  const cells = (side: Side | undefined, first: boolean) => {
    let className: string = classes.empty;
    if (side) className = side.op === 'equal' ? '' : classes[side.op];
    return (
      <>
        <td
          className={`${classes.lineNo} ${className} ${
            first ? '' : classes.divider
          }`}
        >
          {side?.number ?? ''}
        </td>
        <td className={`${classes.code} ${className}`} data-op={side?.op}>
          {side ? `${SIGNS[side.op]}${side.line}` : ''}
        </td>
      </>
    );
  };
  return (
    <table className={classes.diff} aria-label={label}>
      <colgroup>
        <col style={{ width: '3.5em' }} />
        <col />
        <col style={{ width: '3.5em' }} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th colSpan={2} className={classes.headCell}>
            {fromLabel}
          </th>
          <th colSpan={2} className={`${classes.headCell} ${classes.divider}`}>
            {toLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {sideBySideRows(entries).map((row, i) => (
          <tr key={i}>
            {cells(row.left, true)}
            {cells(row.right, false)}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-label={title}>
      <Typography variant="h6" gutterBottom>
        {title}
      </Typography>
      {children}
    </section>
  );
};

const layerText = (l: ProfileLayer) => `${l.packName} ${l.packVersion}`;

const ChangedLayer = ({
  change,
  fromLabel,
  toLabel,
}: {
  change: LayerChange;
  fromLabel: string;
  toLabel: string;
}) => {
  const classes = useStyles();
  return (
    <Paper
      variant="outlined"
      className={classes.card}
      role="group"
      aria-label={`Changed layer ${change.packName}`}
    >
      <div className={classes.header}>
        <Typography variant="subtitle1">
          <strong>{change.packName}</strong>
          {change.layer && ` · ${PACK_LAYER_LABELS[change.layer]}`}
        </Typography>
        {change.fromVersion !== change.toVersion ? (
          <Typography variant="body2">
            {change.fromVersion} → {change.toVersion}
          </Typography>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {change.fromVersion}
          </Typography>
        )}
        {change.versionChange && (
          <Chip
            size="small"
            color={change.versionChange === 'upgrade' ? 'primary' : 'secondary'}
            label={change.versionChange === 'upgrade' ? 'Upgrade' : 'Downgrade'}
          />
        )}
        {change.valuesChanged && <Chip size="small" label="Values changed" />}
      </div>
      {change.valuesChanged && change.valuesDiff.length > 0 && (
        <ValuesDiff
          entries={change.valuesDiff}
          fromLabel={fromLabel}
          toLabel={toLabel}
          label={`Values diff of ${change.packName}`}
        />
      )}
    </Paper>
  );
};

const versionLabel = (side: ProfileDiff['from']) => side.version ?? 'Draft';

/** A profile diff: layers added, removed and changed, variables, order. */
export const ProfileDiffView = ({ diff }: { diff: ProfileDiff }) => {
  const classes = useStyles();
  const fromLabel = versionLabel(diff.from);
  const toLabel = versionLabel(diff.to);
  if (!diff.hasChanges) {
    return (
      <Alert severity="info">
        {fromLabel} and {toLabel} are the same.
      </Alert>
    );
  }
  const count = (n: number, what: string) => `${n} ${what}`;
  const variablesChanged =
    diff.variablesAdded.length +
    diff.variablesRemoved.length +
    diff.variablesChanged.length;
  return (
    <div>
      <div className={classes.chips}>
        <Chip
          label={count(diff.layersAdded.length, 'added')}
          className={classes.added}
          variant="outlined"
        />
        <Chip
          label={count(diff.layersRemoved.length, 'removed')}
          className={classes.removed}
          variant="outlined"
        />
        <Chip
          label={count(diff.layersChanged.length, 'changed')}
          variant="outlined"
        />
        <Chip
          label={count(diff.layersUnchanged.length, 'unchanged')}
          variant="outlined"
        />
        {variablesChanged > 0 && (
          <Chip
            label={count(variablesChanged, 'variable changes')}
            variant="outlined"
          />
        )}
      </div>
      {diff.orderChanged && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          The layers install in a different order.
        </Alert>
      )}
      {diff.layersAdded.length > 0 && (
        <Section title="Layers added">
          <ul aria-label="Layers added">
            {diff.layersAdded.map(l => (
              <li key={l.packName} className={classes.added}>
                + {layerText(l)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {diff.layersRemoved.length > 0 && (
        <Section title="Layers removed">
          <ul aria-label="Layers removed">
            {diff.layersRemoved.map(l => (
              <li key={l.packName} className={classes.removed}>
                − {layerText(l)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {diff.layersChanged.length > 0 && (
        <Section title="Layers changed">
          {diff.layersChanged.map(change => (
            <ChangedLayer
              key={change.packName}
              change={change}
              fromLabel={fromLabel}
              toLabel={toLabel}
            />
          ))}
        </Section>
      )}
      {variablesChanged > 0 && (
        <Section title="Variables">
          <ul aria-label="Variable changes">
            {diff.variablesAdded.map(v => (
              <li key={`a-${v}`} className={classes.added}>
                + {v} (added)
              </li>
            ))}
            {diff.variablesRemoved.map(v => (
              <li key={`r-${v}`} className={classes.removed}>
                − {v} (removed)
              </li>
            ))}
            {diff.variablesChanged.map(v => (
              <li key={`c-${v}`}>~ {v} (changed)</li>
            ))}
          </ul>
        </Section>
      )}
      {diff.layersUnchanged.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Unchanged: {diff.layersUnchanged.join(', ')}
        </Typography>
      )}
    </div>
  );
};
