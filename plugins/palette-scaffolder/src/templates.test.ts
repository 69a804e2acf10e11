import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { clusterRequestSchema } from '@palette-backstage/plugin-palette-common';
import { validate } from 'jsonschema';
import yaml from 'yaml';
import { createPaletteActions } from './actions';
import { PaletteClusterClient } from './client/PaletteClusterClient';

/**
 * The example software templates: that the catalog accepts them, and that
 * what their steps pass the Palette actions is what those actions take.
 */

const REPO_ROOT = resolve(__dirname, '../../..');
/** Each template, with the environment and control plane size it fixes. */
const TEMPLATES = [
  ['development-cluster.yaml', { environment: 'dev', replicas: 1 }],
  ['production-cluster.yaml', { environment: 'production', replicas: 3 }],
] as const;

const load = (file: string) =>
  yaml.parse(
    readFileSync(resolve(REPO_ROOT, 'examples/templates', file), 'utf8'),
  );

const actions = new Map(
  createPaletteActions({
    client: new PaletteClusterClient({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
    }),
    auth: mockServices.auth(),
  }).map(action => [action.id, action]),
);

/** What a user would fill in, besides the parameters' defaults. */
const USER_ANSWERS = {
  name: 'payments-dev',
  owner: 'group:default/team-apollo',
  project: 'system:default/payments',
  justification: 'Checkout service needs its own cluster for PCI scope.',
  region: 'eu-west-1',
};

/** Every parameter a template declares, with its default where it has one. */
function parameterDefaults(template: any): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  const collect = (properties: Record<string, any> = {}) => {
    for (const [key, property] of Object.entries(properties)) {
      if (!(key in defaults) || property.default !== undefined)
        defaults[key] = property.default;
    }
  };
  for (const page of template.spec.parameters) {
    collect(page.properties);
    for (const dependency of Object.values<any>(page.dependencies ?? {}))
      for (const branch of dependency.oneOf ?? []) collect(branch.properties);
  }
  return defaults;
}

/** Replaces `${{ a.b.c }}` values as the scaffolder does, keeping types. */
function render(value: unknown, context: Record<string, any>): unknown {
  if (typeof value === 'string') {
    const match = /^\$\{\{\s*([\w.]+)\s*\}\}$/.exec(value);
    if (!match) return value;
    const path = match[1].split('.');
    const found = path.reduce<any>((at, key) => at?.[key], context);
    if (found === undefined) throw new Error(`${value} refers to nothing`);
    return found;
  }
  if (Array.isArray(value)) return value.map(v => render(v, context));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, render(v, context)]),
    );
  }
  return value;
}

describe.each(TEMPLATES)('examples/templates/%s', (file, fixed) => {
  const template = load(file);

  it('is a Template entity the catalog accepts', async () => {
    const entity = template as Entity;
    await expect(new SchemaValidEntityPolicy().enforce(entity)).resolves.toBe(
      entity,
    );
    await expect(new FieldFormatEntityPolicy().enforce(entity)).resolves.toBe(
      entity,
    );
    await expect(
      new NoForeignRootFieldsEntityPolicy().enforce(entity),
    ).resolves.toBe(entity);
    await expect(templateEntityV1beta3Validator.check(entity)).resolves.toBe(
      true,
    );
    expect(template.spec).toMatchObject({
      owner: 'group:default/platform-team',
      type: 'kubernetes-cluster',
    });
  });

  it('is registered in the catalog locations of app-config.yaml', () => {
    const config = yaml.parse(
      readFileSync(resolve(REPO_ROOT, 'app-config.yaml'), 'utf8'),
    );
    expect(config.catalog.locations).toContainEqual({
      type: 'file',
      target: `../../examples/templates/${file}`,
      rules: [{ allow: ['Template'] }],
    });
  });

  const context = {
    parameters: { ...parameterDefaults(template), ...USER_ANSWERS },
    steps: { create: { output: { name: USER_ANSWERS.name } } },
  };

  const steps: Array<[string, any]> = template.spec.steps.map((step: any) => [
    step.id,
    step,
  ]);

  it.each(steps)('passes step %s input its action accepts', (_id, step) => {
    const action = actions.get(step.action);
    expect(action).toBeDefined();
    expect(
      validate(
        render(step.input, context),
        action!.schema!.input as any,
      ).errors.map(String),
    ).toEqual([]);
  });

  it('requests a valid cluster', () => {
    const create = template.spec.steps.find(
      (step: any) => step.action === 'palette:cluster:create',
    );
    const parsed = clusterRequestSchema.safeParse(
      render(create.input, context),
    );
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toMatchObject({
      environment: fixed.environment,
      controlPlane: { replicas: fixed.replicas },
    });
  });
});
