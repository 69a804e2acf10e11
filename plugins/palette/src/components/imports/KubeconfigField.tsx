import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AttachFileIcon from '@material-ui/icons/AttachFile';
import { ChangeEvent, useRef, useState } from 'react';
import { helperTextOf } from '../clusters/utils';
import { MessagesOf } from '../clusters/request';

const useStyles = makeStyles(theme => ({
  code: { fontFamily: 'monospace', fontSize: '0.85em' },
  file: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(0.5),
  },
  hidden: { display: 'none' },
}));

/** Kubeconfigs are small; the API refuses anything larger. */
export const MAX_KUBECONFIG_BYTES = 256 * 1024;

/** The text of a file, read in the browser: nothing is uploaded until the import. */
const readText = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });

/**
 * A kubeconfig, pasted into a monospace field or read from a chosen file.
 * Its credentials are sent once, with the import, and never shown again.
 */
export const KubeconfigField = ({
  value,
  onChange,
  messagesOf,
  disabled,
}: {
  value: string;
  onChange: (kubeconfig: string) => void;
  messagesOf: MessagesOf;
  disabled?: boolean;
}) => {
  const classes = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [fileProblem, setFileProblem] = useState<string>();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after an edit.
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_KUBECONFIG_BYTES) {
      setFileProblem(`${file.name} is larger than 256 KiB: not a kubeconfig`);
      return;
    }
    try {
      onChange(await readText(file));
      setFileProblem(undefined);
    } catch (e) {
      setFileProblem(`Could not read ${file.name}: ${(e as Error).message}`);
    }
  };

  const messages = [
    ...(messagesOf('kubeconfig') ?? []),
    ...(fileProblem
      ? [
          {
            severity: 'error' as const,
            code: 'file',
            field: 'kubeconfig',
            message: fileProblem,
          },
        ]
      : []),
  ];

  return (
    <>
      <TextField
        id="import-cluster-kubeconfig"
        label="Kubeconfig"
        required
        multiline
        minRows={6}
        maxRows={14}
        value={value}
        disabled={disabled}
        onChange={e => onChange(e.target.value)}
        placeholder={'apiVersion: v1\nkind: Config\nclusters: …'}
        inputProps={{
          className: classes.code,
          spellCheck: false,
          autoComplete: 'off',
        }}
        {...helperTextOf(
          messages,
          'YAML or JSON with credentials. Stored as a Secret on the management cluster and never shown again.',
        )}
        fullWidth
        margin="dense"
        variant="outlined"
      />
      <div className={classes.file}>
        <input
          ref={input}
          id="import-cluster-kubeconfig-file"
          type="file"
          aria-label="Choose a kubeconfig file"
          className={classes.hidden}
          onChange={choose}
          disabled={disabled}
        />
        <Button
          size="small"
          startIcon={<AttachFileIcon />}
          onClick={() => input.current?.click()}
          disabled={disabled}
        >
          Choose file
        </Button>
        <Typography variant="caption" color="textSecondary">
          or paste it above, e.g. the output of{' '}
          <code>kubectl config view --minify --raw</code>
        </Typography>
      </div>
    </>
  );
};
