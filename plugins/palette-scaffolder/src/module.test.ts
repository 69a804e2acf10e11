import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { paletteScaffolderModule } from './module';

describe('paletteScaffolderModule', () => {
  it('registers its actions with the scaffolder', async () => {
    const addActions = jest.fn();
    const backend = await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [paletteScaffolderModule],
    });
    try {
      expect(addActions).toHaveBeenCalledTimes(1);
    } finally {
      await backend.stop();
    }
  });
});
