import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { ValidationSeverity } from '@palette-backstage/plugin-palette-common';

const LINE_HEIGHT = 20;

const useStyles = makeStyles(theme => ({
  editor: {
    display: 'flex',
    alignItems: 'flex-start',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    maxHeight: LINE_HEIGHT * 24,
    overflow: 'auto',
    backgroundColor: theme.palette.background.default,
    '&:focus-within': { borderColor: theme.palette.primary.main },
  },
  gutter: {
    flex: 'none',
    padding: theme.spacing(1, 0.5, 1, 1),
    textAlign: 'right',
    userSelect: 'none',
    color: theme.palette.text.secondary,
    borderRight: `1px solid ${theme.palette.divider}`,
    position: 'sticky',
    left: 0,
    backgroundColor: theme.palette.background.default,
    font: `12px/${LINE_HEIGHT}px monospace`,
    minWidth: '3.5em',
  },
  line: { display: 'flex', justifyContent: 'flex-end', gap: 4 },
  marker: { fontWeight: 'bold' },
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  info: { color: theme.palette.info.main },
  textarea: {
    flex: 1,
    minWidth: 0,
    border: 'none',
    outline: 'none',
    resize: 'none',
    overflow: 'hidden',
    padding: theme.spacing(1),
    margin: 0,
    whiteSpace: 'pre',
    color: theme.palette.text.primary,
    backgroundColor: 'transparent',
    font: `13px/${LINE_HEIGHT}px monospace`,
    tabSize: 2,
  },
}));

/** One marker in the gutter: the messages about one line. */
export interface LineMarker {
  severity: ValidationSeverity;
  messages: string[];
}

const RANK: Record<ValidationSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Merges messages by line, keeping the most serious severity. */
export function markersByLine(
  entries: Array<{ line?: number; severity: ValidationSeverity; text: string }>,
): Map<number, LineMarker> {
  const markers = new Map<number, LineMarker>();
  for (const { line, severity, text } of entries) {
    if (line === undefined) continue;
    const marker = markers.get(line);
    if (!marker) markers.set(line, { severity, messages: [text] });
    else {
      marker.messages.push(text);
      if (RANK[severity] < RANK[marker.severity]) marker.severity = severity;
    }
  }
  return markers;
}

/**
 * A YAML text editor: a monospace textarea with line numbers and markers
 * on the lines validation messages point at.
 */
export const ValuesEditor = ({
  id,
  label,
  value,
  onChange,
  readOnly,
  markers,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  markers?: Map<number, LineMarker>;
  placeholder?: string;
}) => {
  const classes = useStyles();
  const lineCount = Math.max(value.split('\n').length, 3);
  const numbers = Array.from({ length: lineCount }, (_, i) => i + 1);
  return (
    <div className={classes.editor}>
      <div className={classes.gutter} data-testid={`${id}-gutter`}>
        {numbers.map(n => {
          const marker = markers?.get(n);
          if (!marker) {
            return (
              <div key={n} className={classes.line}>
                {n}
              </div>
            );
          }
          return (
            <Tooltip
              key={n}
              title={marker.messages.join('\n')}
              placement="left"
            >
              <div
                className={`${classes.line} ${classes.marker} ${
                  classes[marker.severity]
                }`}
                data-severity={marker.severity}
                aria-label={`Line ${n}: ${marker.messages.join('; ')}`}
              >
                <span aria-hidden>●</span>
                {n}
              </div>
            </Tooltip>
          );
        })}
      </div>
      <textarea
        id={id}
        aria-label={label}
        className={classes.textarea}
        value={value}
        onChange={e => onChange(e.target.value)}
        readOnly={readOnly}
        rows={lineCount}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={placeholder}
      />
    </div>
  );
};
