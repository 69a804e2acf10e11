import { CodeSnippet } from '@backstage/core-components';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { DiscoveredHelmRelease } from '@palette-backstage/plugin-palette-common';
import { useState } from 'react';
import { toYaml } from '../../clusters/yaml';
import { SimpleTable } from '../../shared';

const keyOf = (r: DiscoveredHelmRelease) => `${r.namespace}/${r.name}`;

/**
 * The Helm releases installed on the cluster, each with its chart and
 * versions; its values (sensitive keys redacted by discovery) open as YAML.
 */
export const HelmReleasesTable = ({
  releases,
}: {
  releases: DiscoveredHelmRelease[];
}) => {
  const [open, setOpen] = useState<string>();
  return (
    <SimpleTable
      label="Helm releases"
      rows={releases}
      rowKey={keyOf}
      columns={[
        { title: 'Release', value: r => r.name },
        { title: 'Namespace', value: r => r.namespace },
        { title: 'Chart', value: r => r.chart },
        { title: 'Version', value: r => r.chartVersion },
        { title: 'App version', value: r => r.appVersion ?? '—' },
        { title: 'Status', value: r => `${r.status} (rev. ${r.revision})` },
        {
          title: 'Values',
          value: r => {
            const shown = open === keyOf(r);
            const none = Object.keys(r.values).length === 0;
            return (
              <Tooltip title={none ? 'Installed with the chart defaults' : ''}>
                <span>
                  <IconButton
                    size="small"
                    aria-label={`Values of ${r.name}`}
                    aria-expanded={shown}
                    disabled={none}
                    onClick={() => setOpen(shown ? undefined : keyOf(r))}
                  >
                    {shown ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                  </IconButton>
                </span>
              </Tooltip>
            );
          },
        },
      ]}
      detail={r =>
        open === keyOf(r) && (
          <CodeSnippet text={toYaml(r.values)} language="yaml" />
        )
      }
    />
  );
};
