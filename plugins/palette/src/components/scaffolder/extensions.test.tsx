import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  FieldExtensionOptions,
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { ReactNode } from 'react';
import {
  PaletteNodePoolEditorFieldExtension,
  PaletteProfilePickerFieldExtension,
} from '../../plugin';
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
          </ScaffolderFieldExtensions>
        }
      />,
    );
    expect(
      screen.getByText('PaletteProfilePicker, PaletteNodePoolEditor'),
    ).toBeInTheDocument();
    expect(found[0].component).toBe(PaletteProfilePicker);
    expect(found[1].component).toBe(PaletteNodePoolEditor);
    expect(found.every(f => typeof f.validation === 'function')).toBe(true);
  });
});
