import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  FieldExtensionOptions,
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { ReactNode } from 'react';
import {
  PaletteCostEstimateFieldExtension,
  PaletteNodePoolEditorFieldExtension,
  PaletteProfilePickerFieldExtension,
} from '../../plugin';
import { PaletteCostEstimate } from './PaletteCostEstimate';
import { PaletteNodePoolEditor } from './PaletteNodePoolEditor';
import { PaletteProfilePicker } from './PaletteProfilePicker';

let found: FieldExtensionOptions[] = [];

const Collect = ({ outlet }: { outlet: ReactNode }) => {
  found = useCustomFieldExtensions(outlet);
  return <p>{found.map(f => f.name).join(', ')}</p>;
};

describe('scaffolder field extensions', () => {
  it('register under the names templates use, with their validation', async () => {
    await renderInTestApp(
      <Collect
        outlet={
          <ScaffolderFieldExtensions>
            <PaletteProfilePickerFieldExtension />
            <PaletteNodePoolEditorFieldExtension />
            <PaletteCostEstimateFieldExtension />
          </ScaffolderFieldExtensions>
        }
      />,
    );
    expect(
      screen.getByText(
        'PaletteProfilePicker, PaletteNodePoolEditor, PaletteCostEstimate',
      ),
    ).toBeInTheDocument();
    expect(found[0].component).toBe(PaletteProfilePicker);
    expect(found[1].component).toBe(PaletteNodePoolEditor);
    expect(found[2].component).toBe(PaletteCostEstimate);
    // The pickers check their values; the read-only estimate never blocks.
    expect(found.map(f => typeof f.validation)).toEqual([
      'function',
      'function',
      'undefined',
    ]);
    // Templates may fix what their steps fix, as the estimate's options.
    expect(Object.keys(found[0].schema?.uiOptions?.properties ?? {})).toEqual(
      expect.arrayContaining(['projectField', 'controlPlane']),
    );
    expect(Object.keys(found[2].schema?.uiOptions?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'workerPoolsField',
        'cloudAccount',
        'region',
        'controlPlane',
      ]),
    );
  });
});
