import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { paletteScaffolderModule } from './module';

describe('paletteScaffolderModule', () => {
  it('registers the Palette actions with the scaffolder', async () => {
    const addActions = jest.fn();
    const backend = await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [paletteScaffolderModule],
    });
    try {
      expect(addActions).toHaveBeenCalledTimes(1);
      const actions = addActions.mock.calls[0];
      expect(actions.map((a: { id: string }) => a.id)).toEqual([
        'palette:cluster:create',
        'palette:cluster:wait',
      ]);
      // The portal's action list shows these.
      for (const action of actions) {
        expect(action.description).toBeTruthy();
        expect(action.examples.length).toBeGreaterThan(0);
        expect(action.schema.input.type).toBe('object');
        expect(action.schema.output.type).toBe('object');
      }
    } finally {
      await backend.stop();
    }
  });
});
