import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { DownloadedFile } from '../../api/PaletteApi';
import { downloadText, errorMessage } from '../profiles/utils';

/**
 * Downloads a CSV export: fetched with the signed-in user's credentials,
 * then saved from a blob under the name the server gives it.
 */
export const ExportCsvButton = ({
  load,
  what,
}: {
  load: () => Promise<DownloadedFile>;
  /** What is exported, for the error message, e.g. `fleet cost`. */
  what: string;
}) => {
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await load();
      downloadText(file.filename, file.content, 'text/csv');
    } catch (e) {
      alertApi.post({
        message: `Could not export ${what}: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
    setBusy(false);
  };
  return (
    <Button
      variant="outlined"
      startIcon={<GetAppIcon />}
      onClick={download}
      disabled={busy}
    >
      Export CSV
    </Button>
  );
};
