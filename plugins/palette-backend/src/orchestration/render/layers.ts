import {
  packKey,
  ProfileVersion,
} from '@palette-backstage/plugin-palette-common';
import {
  mergeValues,
  packSupportsCloudType,
  parseValuesYaml,
  validateAgainstSchema,
} from '../../packs';
import {
  resolveProfileValues,
  resolveVariables,
  ResolvedLayerValues,
} from '../../profiles';
import type { RenderInput } from '../types';
import type { LayerSource, ProviderCloudType, RenderLayer } from './context';
import { RenderMessages } from './messages';

/** The infra/full profile, then each add-on profile, with its request field. */
export function layerSources(input: RenderInput): LayerSource[] {
  return [
    { profile: input.profile, field: 'profile' },
    ...input.addOnProfiles.map((profile, i) => ({
      profile,
      field: `addOnProfiles.${i}`,
    })),
  ];
}

/** The request's variable values that a profile declares. */
function valuesFor(
  profile: ProfileVersion,
  variables: Record<string, string>,
): Record<string, string> {
  const declared = new Set((profile.variables ?? []).map(v => v.name));
  return Object.fromEntries(
    Object.entries(variables).filter(([name]) => declared.has(name)),
  );
}

function profileLabel(source: LayerSource): string {
  return `${source.profile.name}@${source.profile.version}`;
}

/** The profile's layers with format samples for variables (see `usePlaceholders`). */
function withPlaceholders(profile: ProfileVersion): ResolvedLayerValues[] {
  return profile.layers.map(layer => {
    const result = resolveVariables(layer.values, {}, profile.variables ?? [], {
      usePlaceholders: true,
    });
    return {
      packName: layer.packName,
      packVersion: layer.packVersion,
      values: result.ok ? result.yaml : '',
    };
  });
}

/**
 * Every layer of the cluster's profiles with its final values: the pack's
 * default values merged with the layer's, the request's variables
 * substituted (`resolveProfileValues`), checked against the pack's values
 * schema. The request has one set of variables for all its profiles: each
 * profile gets the values of the variables it declares, and a value that no
 * profile declares is an error. Problems go to `messages`; layers with
 * problems are left out.
 */
export function resolveLayers(
  input: {
    request: Pick<RenderInput['request'], 'variables'>;
    packs: RenderInput['packs'];
  },
  sources: LayerSource[],
  cloudType: ProviderCloudType,
  messages: RenderMessages,
): RenderLayer[] {
  const declared = new Set(
    sources.flatMap(s => (s.profile.variables ?? []).map(v => v.name)),
  );
  for (const name of Object.keys(input.request.variables)) {
    if (!declared.has(name)) {
      messages.error(
        'variable.unknown',
        `variables.${name}`,
        `a value was given for "${name}", which none of the cluster's profiles declares`,
      );
    }
  }

  const layers: RenderLayer[] = [];
  for (const source of sources) {
    const resolved = resolveProfileValues(
      source.profile,
      valuesFor(source.profile, input.request.variables),
    );
    let resolvedLayers = resolved.ok ? resolved.layers : [];
    if (!resolved.ok) {
      for (const error of resolved.errors) {
        messages.error(
          error.code,
          error.variable ? `variables.${error.variable}` : source.field,
          `${profileLabel(source)}: ${error.message}`,
          error.layer,
        );
      }
      // Carry on with sample values in place of the unusable variables, so
      // that the remaining checks run and every problem is reported at once
      // (the render fails anyway).
      resolvedLayers = withPlaceholders(source.profile);
    }
    for (const layer of resolvedLayers) {
      const key = packKey({ name: layer.packName, version: layer.packVersion });
      const pack = input.packs.get(layer.packName, layer.packVersion);
      if (!pack) {
        messages.error(
          'pack.missing',
          source.field,
          `${profileLabel(
            source,
          )}: the pack ${key} is not in the pack registry`,
          layer.packName,
        );
        continue;
      }
      if (!packSupportsCloudType(pack, cloudType)) {
        messages.error(
          'pack.cloudType',
          source.field,
          `${profileLabel(
            source,
          )}: the pack ${key} does not support ${cloudType} (it supports ${pack.cloudTypes.join(
            ', ',
          )})`,
          pack.name,
        );
        continue;
      }
      const defaults = parseValuesYaml(pack.defaultValues);
      const overrides = parseValuesYaml(layer.values);
      if (!defaults.ok || !overrides.ok) {
        let reason = '';
        if (!overrides.ok) reason = overrides.message;
        else if (!defaults.ok) reason = `default values: ${defaults.message}`;
        messages.error(
          'values.yaml',
          source.field,
          `${profileLabel(
            source,
          )}: the values of ${key} are not usable: ${reason}`,
          pack.name,
        );
        continue;
      }
      const values = mergeValues(defaults.values, overrides.values);
      // Values are not shown: they may hold sensitive variables. Findings
      // about sample values would not be real: none when resolution failed.
      const violations = resolved.ok
        ? validateAgainstSchema(values, pack.valuesSchema)
        : [];
      for (const violation of violations) {
        messages.error(
          'values.schema',
          source.field,
          `${profileLabel(source)}: ${key} values${
            violation.path ? ` at ${violation.path}` : ''
          } ${violation.message}`,
          pack.name,
        );
      }
      if (violations.length === 0) {
        layers.push({ pack, values, source });
      }
    }
  }
  return layers;
}
