import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { clusterRequestSchema } from '@palette-backstage/plugin-palette-common';
import { validate } from 'jsonschema';
import { z } from 'zod';
import { clusterRequest } from '../__testUtils__/fakePalette';
import {
  createPaletteAction,
  parseActionInput,
  toActionJsonSchema,
} from './createPaletteAction';

describe('toActionJsonSchema', () => {
  // What the scaffolder checks a step's input against before the handler runs.
  const accepts = (input: unknown) =>
    validate(
      input,
      toActionJsonSchema(clusterRequestSchema, 'input') as any,
    ).errors.map(String);

  it('accepts a valid cluster request, defaults left out', () => {
    const { addOnProfiles, variables, ...withoutDefaults } = clusterRequest();
    expect(accepts(withoutDefaults)).toEqual([]);
  });

  it('keeps the rules JSON Schema can express', () => {
    const errors = accepts({
      ...clusterRequest({ name: 'Not A Name' }),
      workerPools: [],
    });
    expect(errors).toEqual([
      expect.stringContaining('instance.name does not match pattern'),
      expect.stringContaining(
        'instance.workerPools does not meet minimum length',
      ),
    ]);
  });

  it('leaves case-insensitive patterns to the handler rather than reject what palette-backend accepts', () => {
    const request = clusterRequest({ owner: 'Group:default/Team-Apollo' });
    expect(clusterRequestSchema.safeParse(request).success).toBe(true);
    expect(accepts(request)).toEqual([]);
  });
});

describe('parseActionInput', () => {
  it('names every bad field, as palette-backend does', () => {
    expect(() =>
      parseActionInput(
        'palette:cluster:create',
        clusterRequestSchema,
        clusterRequest({
          name: 'Bad',
          workerPools: [
            { name: 'a', instanceType: 'medium', count: 1 },
            { name: 'a', instanceType: 'medium', count: 1 },
          ],
        }),
      ),
    ).toThrow(
      /^Invalid input to palette:cluster:create: name: must be a DNS-1123 label.*; workerPools\.1\.name: pool "a" is named twice$/,
    );
  });
});

describe('createPaletteAction', () => {
  const schema = z.object({ count: z.number().int().default(2) });

  it('declares JSON Schemas with the given descriptions', () => {
    const action = createPaletteAction({
      id: 'test:action',
      description: 'A test',
      examples: [],
      schema: {
        input: schema,
        output: z.object({ doubled: z.number().describe('Twice count') }),
        inputDescriptions: { count: 'How many' },
      },
      handler: async () => {},
    });

    expect(action.supportsDryRun).toBe(false);
    expect(action.schema?.input?.properties?.count).toEqual({
      type: 'integer',
      default: 2,
      description: 'How many',
      minimum: expect.any(Number),
      maximum: expect.any(Number),
    });
    expect(action.schema?.output?.properties?.doubled?.description).toBe(
      'Twice count',
    );
  });

  it('hands the handler its input with defaults applied', async () => {
    const handler = jest.fn(async () => {});
    const action = createPaletteAction({
      id: 'test:action',
      description: 'A test',
      examples: [],
      schema: { input: schema, output: z.object({}) },
      handler,
    });

    await action.handler(createMockActionContext({ input: {} }));
    expect(handler).toHaveBeenCalledWith(expect.anything(), { count: 2 });
  });
});
