import {
  checkVariableValue,
  compareKubernetesMinor,
  CORE_PACK_LAYERS,
  isCompilableRegex,
  kubernetesMinorOf,
  Pack,
  PACK_LAYER_LABELS,
  PACK_LAYER_ORDER,
  PackLayer,
  PROFILE_NAME_PATTERN,
  PROFILE_VARIABLE_NAME_PATTERN,
  ProfileDraft,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { packSupportsCloudType, PackRegistry } from '../packs/PackRegistry';
import {
  mergeValues,
  parseValuesYaml,
  validateAgainstSchema,
} from '../packs/values';
import {
  findMalformedVariableReferences,
  findVariableReferences,
  resolveVariables,
} from './variables';

/**
 * Whether any message is an error (errors block publishing).
 *
 * @public
 */
export function hasErrors(messages: readonly ValidationMessage[]): boolean {
  return messages.some(m => m.severity === 'error');
}

/**
 * Whether a pack supports a Kubernetes version (by minor), per its
 * constraints; packs without a range support every version.
 *
 * @public
 */
export function packSupportsKubernetes(
  pack: Pick<Pack, 'constraints'>,
  kubernetesVersion: string,
): boolean {
  const minor = kubernetesMinorOf(kubernetesVersion);
  const range = pack.constraints?.kubernetes;
  if (!minor || !range) {
    return true;
  }
  return (
    (range.min === undefined ||
      compareKubernetesMinor(minor, range.min) >= 0) &&
    (range.max === undefined || compareKubernetesMinor(minor, range.max) <= 0)
  );
}

function describeRange(range: { min?: string; max?: string }): string {
  if (range.min && range.max) {
    return `${range.min}–${range.max}`;
  }
  return range.min ? `${range.min} or later` : `${range.max} or earlier`;
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

/**
 * Checks a profile against the pack registry and returns every finding at
 * once (an empty list means valid). Each message names its rule (`code`),
 * the layer (pack name, or index when the pack is unknown) and the field.
 *
 * Rules:
 * - `profile.name`, `profile.cloudType`: a DNS-label name; infra and full
 *   profiles target one cloud type (not `all`).
 * - `layers.empty`, `layers.unknownPack`, `layers.unknownVersion`,
 *   `layers.duplicatePack`, `layers.deprecated` (warning), `layers.cloudType`:
 *   packs exist at those versions, once each, and support the cloud type
 *   (add-on profiles for `all` only take packs that support `all`).
 * - `layers.missingCore`, `layers.multipleCore`, `layers.addonInInfra`,
 *   `layers.notAddon`, `layers.order`: infra and full profiles have exactly one
 *   OS, Kubernetes, CNI and CSI pack, in that order, then (full only) add-ons;
 *   add-on profiles hold add-on packs only.
 * - `constraints.kubernetes`, `constraints.requires`, `constraints.conflicts`:
 *   every pack supports the profile's Kubernetes minor, required packs are
 *   present (for add-on profiles a warning: another profile may bring them),
 *   conflicting packs are absent.
 * - `values.yaml`, `values.schema`, `values.variableUndefined`,
 *   `values.variableMalformed`: overrides are a YAML mapping, the defaults
 *   merged with the overrides satisfy the pack's values schema (variables
 *   standing in with their defaults, or a sample of their format), and every
 *   reference names a declared variable.
 * - `variables.name`, `variables.duplicate`, `variables.regex`,
 *   `variables.options`, `variables.default`, `variables.readOnly`,
 *   `variables.hidden`, `variables.unused` (warning): names are unique and
 *   well formed, defaults satisfy format, regex and options, read-only and
 *   hidden-and-required variables have defaults.
 *
 * @public
 */
export function validateProfile(
  profile: ProfileDraft,
  registry: PackRegistry,
): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  const error = (m: Omit<ValidationMessage, 'severity'>) =>
    messages.push({ severity: 'error', ...m });
  const warning = (m: Omit<ValidationMessage, 'severity'>) =>
    messages.push({ severity: 'warning', ...m });

  const isCoreProfile = profile.type === 'infra' || profile.type === 'full';
  const variables = profile.variables ?? [];

  // --- profile ---
  if (!PROFILE_NAME_PATTERN.test(profile.name)) {
    error({
      code: 'profile.name',
      field: 'name',
      message: `"${profile.name}" is not a valid profile name: use a lowercase DNS label such as aws-infra`,
    });
  }
  if (isCoreProfile && profile.cloudType === 'all') {
    error({
      code: 'profile.cloudType',
      field: 'cloudType',
      message: `an ${profile.type} profile builds clusters on one cloud type; only add-on profiles can target all`,
    });
  }
  if (profile.layers.length === 0) {
    error({
      code: 'layers.empty',
      field: 'layers',
      message: 'the profile has no layers',
    });
  }

  // --- packs ---
  const packs: Array<Pack | undefined> = profile.layers.map((layer, i) => {
    const field = `layers[${i}]`;
    if (!registry.has(layer.packName)) {
      error({
        code: 'layers.unknownPack',
        layer: i,
        field: `${field}.packName`,
        message: `there is no pack named "${layer.packName}"`,
      });
      return undefined;
    }
    const pack = registry.get(layer.packName, layer.packVersion);
    if (!pack) {
      error({
        code: 'layers.unknownVersion',
        layer: layer.packName,
        field: `${field}.packVersion`,
        message: `${layer.packName} has no version ${
          layer.packVersion
        }; available: ${list(registry.versions(layer.packName))}`,
      });
      return undefined;
    }
    return pack;
  });

  const firstIndex = new Map<string, number>();
  profile.layers.forEach((layer, i) => {
    const first = firstIndex.get(layer.packName);
    if (first === undefined) {
      firstIndex.set(layer.packName, i);
      return;
    }
    error({
      code: 'layers.duplicatePack',
      layer: layer.packName,
      field: `layers[${i}].packName`,
      message: `${layer.packName} is already layer ${first}; a pack can appear once per profile`,
    });
  });

  packs.forEach((pack, i) => {
    if (!pack) {
      return;
    }
    const field = `layers[${i}]`;
    if (pack.deprecated) {
      warning({
        code: 'layers.deprecated',
        layer: pack.name,
        field: `${field}.packVersion`,
        message: `${pack.name} ${pack.version} is deprecated${
          pack.deprecationMessage ? `: ${pack.deprecationMessage}` : ''
        }`,
      });
    }
    if (!packSupportsCloudType(pack, profile.cloudType)) {
      error({
        code: 'layers.cloudType',
        layer: pack.name,
        field: `${field}.packName`,
        message:
          profile.cloudType === 'all'
            ? `a profile for all cloud types can only use packs that support all; ${
                pack.name
              } supports ${list(pack.cloudTypes)}`
            : `${pack.name} ${pack.version} does not support ${
                profile.cloudType
              } (it supports ${list(pack.cloudTypes)})`,
      });
    }
  });

  // --- layer structure ---
  const known = packs
    .map((pack, index) => (pack ? { pack, index } : undefined))
    .filter((p): p is { pack: Pack; index: number } => p !== undefined);

  if (profile.type === 'add-on') {
    for (const { pack, index } of known) {
      if (pack.layer !== 'addon') {
        error({
          code: 'layers.notAddon',
          layer: pack.name,
          field: `layers[${index}]`,
          message: `an add-on profile holds add-on packs only; ${
            pack.name
          } is a ${PACK_LAYER_LABELS[pack.layer]} pack (use a full profile)`,
        });
      }
    }
  } else {
    if (profile.type === 'infra') {
      for (const { pack, index } of known) {
        if (pack.layer === 'addon') {
          error({
            code: 'layers.addonInInfra',
            layer: pack.name,
            field: `layers[${index}]`,
            message: `an infra profile holds the OS, Kubernetes, CNI and CSI layers only; put ${pack.name} in a full or add-on profile`,
          });
        }
      }
    }
    // Only judge the core layers when every pack is known, or a missing
    // layer may just be an unknown pack.
    const allKnown = known.length === profile.layers.length;
    for (const layer of CORE_PACK_LAYERS) {
      const present = known.filter(k => k.pack.layer === layer);
      if (present.length === 0 && allKnown) {
        error({
          code: 'layers.missingCore',
          field: 'layers',
          message: `an ${profile.type} profile needs one ${PACK_LAYER_LABELS[layer]} pack`,
        });
      }
      for (const extra of present.slice(1)) {
        error({
          code: 'layers.multipleCore',
          layer: extra.pack.name,
          field: `layers[${extra.index}]`,
          message: `${extra.pack.name} is a second ${PACK_LAYER_LABELS[layer]} pack; the profile already has ${present[0].pack.name}`,
        });
      }
    }
    let highest: { rank: number; pack: Pack } | undefined;
    for (const { pack, index } of known) {
      const rank = PACK_LAYER_ORDER.indexOf(pack.layer);
      if (highest && rank < highest.rank) {
        error({
          code: 'layers.order',
          layer: pack.name,
          field: `layers[${index}]`,
          message: `the ${PACK_LAYER_LABELS[pack.layer]} layer (${
            pack.name
          }) must come before the ${
            PACK_LAYER_LABELS[highest.pack.layer]
          } layer (${highest.pack.name}); the order is ${PACK_LAYER_ORDER.map(
            (l: PackLayer) => PACK_LAYER_LABELS[l],
          ).join(', ')}`,
        });
      } else if (!highest || rank > highest.rank) {
        highest = { rank, pack };
      }
    }
  }

  // --- constraints ---
  const kubernetesPacks = known.filter(k => k.pack.layer === 'k8s');
  const kubernetes =
    kubernetesPacks.length === 1 ? kubernetesPacks[0].pack : undefined;
  const kubernetesVersion =
    kubernetes?.kind.type === 'kubernetes'
      ? kubernetes.kind.kubernetesVersion
      : undefined;
  const present = new Set(profile.layers.map(l => l.packName));
  const reportedConflicts = new Set<string>();

  for (const { pack, index } of known) {
    const field = `layers[${index}]`;
    const range = pack.constraints?.kubernetes;
    if (
      kubernetesVersion &&
      range &&
      !packSupportsKubernetes(pack, kubernetesVersion)
    ) {
      error({
        code: 'constraints.kubernetes',
        layer: pack.name,
        field: `${field}.packVersion`,
        message: `${pack.name} ${
          pack.version
        } supports Kubernetes ${describeRange(range)}, not ${kubernetesMinorOf(
          kubernetesVersion,
        )} (${kubernetes!.name} ${kubernetes!.version})`,
      });
    }
    for (const required of pack.constraints?.requires ?? []) {
      if (!present.has(required.name)) {
        (profile.type === 'add-on' ? warning : error)({
          code: 'constraints.requires',
          layer: pack.name,
          field,
          message: `${pack.name} requires ${required.name}${
            required.reason ? ` (${required.reason})` : ''
          }${
            profile.type === 'add-on'
              ? '; make sure another profile on the cluster brings it'
              : ''
          }`,
        });
      }
    }
    for (const conflict of pack.constraints?.conflicts ?? []) {
      const pair = [pack.name, conflict.name].sort().join('|');
      if (present.has(conflict.name) && !reportedConflicts.has(pair)) {
        reportedConflicts.add(pair);
        error({
          code: 'constraints.conflicts',
          layer: pack.name,
          field,
          message: `${pack.name} conflicts with ${conflict.name}${
            conflict.reason ? ` (${conflict.reason})` : ''
          }`,
        });
      }
    }
  }

  // --- values ---
  const declared = new Set(variables.map(v => v.name));
  const referenced = new Set<string>();
  profile.layers.forEach((layer, i) => {
    const pack = packs[i];
    const layerId = pack?.name ?? i;
    const field = `layers[${i}].values`;
    for (const malformed of findMalformedVariableReferences(layer.values)) {
      error({
        code: 'values.variableMalformed',
        layer: layerId,
        field,
        message: `line ${malformed.line}: ${malformed.text} is not a variable reference; write {{ .palette.vars.<name> }}`,
      });
    }
    const reported = new Set<string>();
    for (const reference of findVariableReferences(layer.values)) {
      referenced.add(reference.name);
      if (!declared.has(reference.name) && !reported.has(reference.name)) {
        reported.add(reference.name);
        error({
          code: 'values.variableUndefined',
          layer: layerId,
          field,
          message: `line ${reference.line} references the variable "${reference.name}", which the profile does not declare`,
        });
      }
    }

    const resolved = resolveVariables(layer.values, {}, variables, {
      usePlaceholders: true,
    });
    if (!resolved.ok) {
      for (const e of resolved.errors) {
        error({
          code: 'values.yaml',
          layer: layerId,
          field,
          message: e.message,
        });
      }
      return;
    }
    const overrides = parseValuesYaml(resolved.yaml);
    if (!overrides.ok) {
      error({
        code: 'values.yaml',
        layer: layerId,
        field,
        message: overrides.message,
      });
      return;
    }
    if (!pack) {
      return;
    }
    const defaults = parseValuesYaml(pack.defaultValues);
    const merged = mergeValues(
      defaults.ok ? defaults.values : {},
      overrides.values,
    );
    const placeholders = resolved.placeholders;
    for (const violation of validateAgainstSchema(merged, pack.valuesSchema)) {
      if (
        'value' in violation &&
        placeholders.some(p => Object.is(p, violation.value))
      ) {
        continue; // a stand-in for a variable with no value yet
      }
      error({
        code: 'values.schema',
        layer: pack.name,
        field: !violation.path
          ? field
          : `${field}${violation.path.startsWith('[') ? '' : '.'}${
              violation.path
            }`,
        message: `${violation.path || 'values'} ${violation.message}`,
      });
    }
  });

  // --- variables ---
  const seen = new Map<string, number>();
  variables.forEach((variable, j) => {
    const field = `variables[${j}]`;
    if (!PROFILE_VARIABLE_NAME_PATTERN.test(variable.name)) {
      error({
        code: 'variables.name',
        field: `${field}.name`,
        message: `"${variable.name}" is not a valid variable name: start with a letter, then letters, digits or underscores (at most 63)`,
      });
    }
    const first = seen.get(variable.name);
    if (first !== undefined) {
      error({
        code: 'variables.duplicate',
        field: `${field}.name`,
        message: `the variable "${variable.name}" is already declared as variables[${first}]`,
      });
    } else {
      seen.set(variable.name, j);
    }
    const regexValid =
      variable.regex === undefined || isCompilableRegex(variable.regex);
    if (!regexValid) {
      error({
        code: 'variables.regex',
        field: `${field}.regex`,
        message: `the regex of "${variable.name}" is not a valid regular expression`,
      });
    }
    if (
      variable.inputType === 'dropdown' &&
      !(variable.options && variable.options.length > 0)
    ) {
      error({
        code: 'variables.options',
        field: `${field}.options`,
        message: `"${variable.name}" is a dropdown and needs options`,
      });
    }
    (variable.options ?? []).forEach((option, k) => {
      const problem = checkVariableValue(
        { ...variable, options: undefined, regex: undefined },
        option.value,
      );
      if (problem) {
        error({
          code: 'variables.options',
          field: `${field}.options[${k}].value`,
          message: `option ${k + 1} of "${variable.name}": ${problem}`,
        });
      }
    });
    if (variable.default !== undefined && regexValid) {
      const problem = checkVariableValue(variable, variable.default);
      if (problem) {
        error({
          code: 'variables.default',
          field: `${field}.default`,
          message: `the default of "${variable.name}": ${problem}`,
        });
      }
    }
    if (variable.readOnly && variable.default === undefined) {
      error({
        code: 'variables.readOnly',
        field: `${field}.default`,
        message: `"${variable.name}" is read-only, so it needs a default`,
      });
    }
    if (
      variable.hidden &&
      variable.required &&
      variable.default === undefined
    ) {
      error({
        code: 'variables.hidden',
        field: `${field}.default`,
        message: `"${variable.name}" is hidden and required, so it needs a default: no one is asked for it`,
      });
    }
    if (first === undefined && !referenced.has(variable.name)) {
      warning({
        code: 'variables.unused',
        field: `${field}.name`,
        message: `no layer references "${variable.name}"; use {{ .palette.vars.${variable.name} }} in values or remove it`,
      });
    }
  });

  return messages;
}
