import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { GeneratedProfileResult } from '@palette-backstage/plugin-palette-common';
import { SimpleTable } from '../../shared';

type Layer = GeneratedProfileResult['layers'][number];

const LAYER_LABELS: Record<string, string> = {
  os: 'OS',
  kubernetes: 'Kubernetes',
  cni: 'Network (CNI)',
  csi: 'Storage (CSI)',
  addon: 'Add-on',
};

const MAPPING_HELP: Record<Layer['mappedTo'], string> = {
  registry: 'An existing pack of the registry matched what was discovered',
  custom:
    'No registry pack matched: a custom pack was created from what was discovered',
};

/** How each discovered part of a cluster became a layer of the draft profile. */
export const GeneratedLayersTable = ({ layers }: { layers: Layer[] }) => (
  <SimpleTable
    label="Generated layers"
    rows={layers}
    rowKey={(l, i) => `${l.layer}:${l.pack.name}:${i}`}
    columns={[
      { title: 'Layer', value: l => LAYER_LABELS[l.layer] ?? l.layer },
      { title: 'Discovered', value: l => l.discovered },
      {
        title: 'Mapped to',
        value: l => (
          <>
            <Tooltip title={MAPPING_HELP[l.mappedTo]}>
              <Chip
                size="small"
                variant="outlined"
                color={l.mappedTo === 'registry' ? 'primary' : 'default'}
                label={l.mappedTo === 'registry' ? 'Registry' : 'Custom'}
              />
            </Tooltip>{' '}
            {l.pack.name}@{l.pack.version}
          </>
        ),
      },
      { title: 'Note', value: l => l.note ?? '' },
    ]}
  />
);
