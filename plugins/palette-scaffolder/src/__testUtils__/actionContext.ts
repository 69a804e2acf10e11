import { mockServices } from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';
import { initiator } from './fakePalette';

/**
 * Checkpoints kept across runs of a step, as the scaffolder keeps them
 * across retries of a task: a key that succeeded once is not run again.
 */
export class CheckpointStore {
  readonly values = new Map<string, JsonValue | void>();

  readonly checkpoint: ActionContext<JsonObject>['checkpoint'] = async ({
    key,
    fn,
  }) => {
    if (this.values.has(key)) return this.values.get(key) as any;
    const value = await fn();
    this.values.set(key, value);
    return value;
  };
}

/**
 * An action context run by {@link initiator}, with a logger to assert on
 * and outputs collected. `createMockActionContext` takes neither dry runs
 * nor checkpoints, so they are set on its result.
 */
export function actionContext<I extends JsonObject>(options: {
  input: I;
  isDryRun?: boolean;
  checkpoints?: CheckpointStore;
}) {
  const logger = mockServices.logger.mock();
  const ctx = {
    ...createMockActionContext<I>({ input: options.input, logger }),
    getInitiatorCredentials: async () => initiator,
    isDryRun: options.isDryRun ?? false,
    checkpoint: (options.checkpoints ?? new CheckpointStore()).checkpoint,
  };
  const outputs = () =>
    Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [
        name,
        value,
      ]),
    );
  /** Every message logged at a level, in order. */
  const logged = (level: 'info' | 'warn' | 'error') =>
    logger[level].mock.calls.map(([message]) => message);
  return { ctx, logger, outputs, logged };
}
