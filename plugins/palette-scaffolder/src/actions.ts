import { TemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * The Palette template actions. `palette:cluster:create` and
 * `palette:cluster:wait` land with self-service clusters; until then the
 * module registers none, so templates cannot reference half-built actions.
 */
export function createPaletteActions(): TemplateAction<any, any, any>[] {
  return [];
}
