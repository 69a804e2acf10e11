import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  formatVariableReference,
  variableFormatSchema,
  variableInputTypeSchema,
} from '@palette-backstage/plugin-palette-common';
import {
  EditableVariable,
  newEditableVariable,
  PlacedMessage,
  variableProblems,
} from './draftModel';
import { SelectField } from '../../shared';
import { MessageList } from './MessageList';

const useStyles = makeStyles(theme => ({
  card: { padding: theme.spacing(2), marginBottom: theme.spacing(1.5) },
  header: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  grow: { flex: 1 },
  reference: { fontFamily: 'monospace' },
}));

const FORMAT_LABELS: Record<EditableVariable['format'], string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'Boolean',
  ipv4: 'IPv4 address',
  cidr: 'IPv4 CIDR block',
  version: 'Semantic version',
  base64: 'Base64',
};

const INPUT_TYPE_LABELS: Record<
  Exclude<EditableVariable['inputType'], ''>,
  string
> = {
  text: 'Text field',
  textarea: 'Multi-line text',
  number: 'Number field',
  checkbox: 'Checkbox',
  dropdown: 'Dropdown',
  password: 'Password field',
};

const FORMAT_OPTIONS = variableFormatSchema.options.map(f => ({
  value: f,
  label: FORMAT_LABELS[f],
}));

const INPUT_TYPE_OPTIONS = variableInputTypeSchema.options.map(t => ({
  value: t,
  label: INPUT_TYPE_LABELS[t],
}));

const FLAGS: Array<{
  key: 'required' | 'sensitive' | 'hidden' | 'readOnly';
  label: string;
  help: string;
}> = [
  { key: 'required', label: 'Required', help: 'A value must be given' },
  {
    key: 'sensitive',
    label: 'Sensitive',
    help: 'Never shown back, logged or exported in clear',
  },
  { key: 'hidden', label: 'Hidden', help: 'Not asked; the default is used' },
  { key: 'readOnly', label: 'Read-only', help: 'Shown but not editable' },
];

const VariableCard = ({
  variable,
  all,
  index,
  readOnly,
  messages,
  onChange,
  onRemove,
}: {
  variable: EditableVariable;
  all: EditableVariable[];
  index: number;
  readOnly: boolean;
  messages: PlacedMessage[];
  onChange: (variable: EditableVariable) => void;
  onRemove: () => void;
}) => {
  const classes = useStyles();
  const problems = variableProblems(variable, all);
  const id = variable.id;
  const set =
    <K extends keyof EditableVariable>(key: K) =>
    (value: EditableVariable[K]) =>
      onChange({ ...variable, [key]: value });
  const text = (
    key: 'name' | 'displayName' | 'description' | 'regex' | 'default',
    label: string,
    helperText?: string,
    extra: { required?: boolean; type?: string; multiline?: boolean } = {},
  ) => {
    const problem = (problems as Record<string, string | undefined>)[key];
    return (
      <TextField
        id={`${id}-${key}`}
        label={label}
        value={variable[key]}
        onChange={e => set(key)(e.target.value)}
        error={!!problem}
        helperText={problem ?? helperText}
        disabled={readOnly}
        fullWidth
        margin="dense"
        {...extra}
        type={extra.type === 'password' ? 'password' : undefined}
      />
    );
  };
  const title = variable.name.trim() || `variable ${index + 1}`;

  return (
    <Paper
      variant="outlined"
      className={classes.card}
      role="group"
      aria-label={`Variable ${title}`}
    >
      <div className={classes.header}>
        <Typography variant="subtitle2">{title}</Typography>
        {variable.name.trim() && (
          <Typography variant="caption" className={classes.reference}>
            {formatVariableReference(variable.name.trim())}
          </Typography>
        )}
        <div className={classes.grow} />
        {!readOnly && (
          <Tooltip title="Remove this variable">
            <IconButton
              size="small"
              aria-label={`Remove variable ${title}`}
              onClick={onRemove}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </div>
      <Grid container spacing={2}>
        <Grid item xs={12} sm={4}>
          {text(
            'name',
            'Name',
            'Referenced in values as {{ .palette.vars.<name> }}',
            {
              required: true,
            },
          )}
        </Grid>
        <Grid item xs={12} sm={4}>
          {text('displayName', 'Display name', 'The label of the form field', {
            required: true,
          })}
        </Grid>
        <Grid item xs={6} sm={2}>
          <SelectField
            id={`${id}-format`}
            label="Format"
            value={variable.format}
            onChange={e =>
              set('format')(e.target.value as EditableVariable['format'])
            }
            disabled={readOnly}
            margin="dense"
            options={FORMAT_OPTIONS}
          />
        </Grid>
        <Grid item xs={6} sm={2}>
          <SelectField
            id={`${id}-inputType`}
            label="Input type"
            value={variable.inputType}
            onChange={e =>
              set('inputType')(e.target.value as EditableVariable['inputType'])
            }
            disabled={readOnly}
            margin="dense"
            emptyLabel="Automatic"
            options={INPUT_TYPE_OPTIONS}
          />
        </Grid>
        <Grid item xs={12}>
          {text(
            'description',
            'Description',
            'Help shown under the form field',
            {
              multiline: true,
            },
          )}
        </Grid>
        <Grid item xs={12} sm={6}>
          {text(
            'regex',
            'Regex',
            'The whole value must match, e.g. [1-9][0-9]*',
          )}
        </Grid>
        <Grid item xs={12} sm={6}>
          {text(
            'default',
            'Default',
            variable.sensitive ? 'Masked in exports' : undefined,
            { type: variable.sensitive ? 'password' : undefined },
          )}
        </Grid>
        {(variable.inputType === 'dropdown' || variable.options.length > 0) && (
          <Grid item xs={12}>
            <Typography variant="caption" component="div">
              Options
            </Typography>
            {variable.options.map((option, i) => (
              <Grid container spacing={1} key={i} alignItems="center">
                {(['value', 'label'] as const).map(field => (
                  <Grid item xs={5} key={field}>
                    <TextField
                      id={`${id}-option-${i}-${field}`}
                      label={`Option ${i + 1} ${field}`}
                      value={option[field]}
                      disabled={readOnly}
                      fullWidth
                      margin="dense"
                      onChange={e =>
                        set('options')(
                          variable.options.map((o, j) =>
                            j === i ? { ...o, [field]: e.target.value } : o,
                          ),
                        )
                      }
                    />
                  </Grid>
                ))}
                <Grid item xs={2}>
                  {!readOnly && (
                    <IconButton
                      size="small"
                      aria-label={`Remove option ${i + 1}`}
                      onClick={() =>
                        set('options')(
                          variable.options.filter((_, j) => j !== i),
                        )
                      }
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  )}
                </Grid>
              </Grid>
            ))}
            {problems.options && (
              <FormHelperText error>{problems.options}</FormHelperText>
            )}
            {!readOnly && (
              <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={() =>
                  set('options')([
                    ...variable.options,
                    { value: '', label: '' },
                  ])
                }
              >
                Add option
              </Button>
            )}
          </Grid>
        )}
        <Grid item xs={12}>
          <FormGroup row>
            {FLAGS.map(flag => (
              <Tooltip key={flag.key} title={flag.help}>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={variable[flag.key]}
                      onChange={e => set(flag.key)(e.target.checked)}
                      disabled={readOnly}
                      color="primary"
                    />
                  }
                  label={flag.label}
                />
              </Tooltip>
            ))}
          </FormGroup>
        </Grid>
      </Grid>
      <MessageList
        messages={messages.map(m => ({ message: m.message }))}
        label={`Messages about variable ${title}`}
      />
    </Paper>
  );
};

/**
 * The variables of a profile: values asked when a cluster is created and
 * substituted where layer values reference them.
 */
export const VariablesEditor = ({
  variables,
  onChange,
  readOnly,
  messages,
}: {
  variables: EditableVariable[];
  onChange: (variables: EditableVariable[]) => void;
  readOnly: boolean;
  messages: Record<string, PlacedMessage[]>;
}) => (
  <div>
    {variables.length === 0 && (
      <Typography color="textSecondary" paragraph>
        No variables. Variables are asked when a cluster is created and replace{' '}
        <code>{'{{ .palette.vars.<name> }}'}</code> in layer values.
      </Typography>
    )}
    {variables.map((variable, index) => (
      <VariableCard
        key={variable.id}
        variable={variable}
        all={variables}
        index={index}
        readOnly={readOnly}
        messages={messages[variable.id] ?? []}
        onChange={changed =>
          onChange(variables.map(v => (v.id === changed.id ? changed : v)))
        }
        onRemove={() => onChange(variables.filter(v => v.id !== variable.id))}
      />
    ))}
    {!readOnly && (
      <Button
        variant="outlined"
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => onChange([...variables, newEditableVariable()])}
      >
        Add variable
      </Button>
    )}
  </div>
);
