import {
  checkVariableValue,
  isCompilableRegex,
  PACK_LAYER_ORDER,
  PackLayer,
  PROFILE_VARIABLE_NAME_PATTERN,
  ProfileLayer,
  ProfileVariable,
  SaveDraftRequest,
  ValidationMessage,
  VariableFormat,
  VariableInputType,
} from '@palette-backstage/plugin-palette-common';
import { messageTarget } from '../utils';

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

/** A layer being edited, with a key that survives reordering. */
export interface EditableLayer {
  id: string;
  packName: string;
  packVersion: string;
  values: string;
}

/** A variable being edited: text fields hold '' for "not set". */
export interface EditableVariable {
  id: string;
  name: string;
  displayName: string;
  description: string;
  format: VariableFormat;
  /** '' derives the control from the format. */
  inputType: VariableInputType | '';
  options: Array<{ value: string; label: string }>;
  regex: string;
  required: boolean;
  default: string;
  sensitive: boolean;
  hidden: boolean;
  readOnly: boolean;
}

export function toEditableLayer(layer: ProfileLayer): EditableLayer {
  return {
    id: nextId('layer'),
    packName: layer.packName,
    packVersion: layer.packVersion,
    values: layer.values ?? '',
  };
}

export function newEditableLayer(
  packName: string,
  packVersion: string,
): EditableLayer {
  return { id: nextId('layer'), packName, packVersion, values: '' };
}

export function toEditableVariable(
  variable: ProfileVariable,
): EditableVariable {
  return {
    id: nextId('variable'),
    name: variable.name,
    displayName: variable.displayName,
    description: variable.description ?? '',
    format: variable.format,
    inputType: variable.inputType ?? '',
    options: (variable.options ?? []).map(o => ({
      value: o.value,
      label: o.label ?? '',
    })),
    regex: variable.regex ?? '',
    required: variable.required ?? false,
    default: variable.default ?? '',
    sensitive: variable.sensitive ?? false,
    hidden: variable.hidden ?? false,
    readOnly: variable.readOnly ?? false,
  };
}

export function newEditableVariable(): EditableVariable {
  return {
    id: nextId('variable'),
    name: '',
    displayName: '',
    description: '',
    format: 'string',
    inputType: '',
    options: [],
    regex: '',
    required: false,
    default: '',
    sensitive: false,
    hidden: false,
    readOnly: false,
  };
}

/** The variable as the API takes it: unset fields left out. */
export function toProfileVariable(v: EditableVariable): ProfileVariable {
  const variable: ProfileVariable = {
    name: v.name.trim(),
    displayName: v.displayName.trim(),
    format: v.format,
  };
  if (v.description.trim()) variable.description = v.description.trim();
  if (v.inputType) variable.inputType = v.inputType;
  const options = v.options
    .filter(o => o.value !== '')
    .map(o =>
      o.label.trim()
        ? { value: o.value, label: o.label.trim() }
        : { value: o.value },
    );
  if (options.length) variable.options = options;
  if (v.regex) variable.regex = v.regex;
  if (v.required) variable.required = true;
  if (v.default !== '') variable.default = v.default;
  if (v.sensitive) variable.sensitive = true;
  if (v.hidden) variable.hidden = true;
  if (v.readOnly) variable.readOnly = true;
  return variable;
}

/** The `saveDraft` body for the editor's state. */
export function toSaveDraftRequest(
  layers: EditableLayer[],
  variables: EditableVariable[],
): SaveDraftRequest {
  return {
    layers: layers.map(l =>
      l.values.trim()
        ? { packName: l.packName, packVersion: l.packVersion, values: l.values }
        : { packName: l.packName, packVersion: l.packVersion },
    ),
    variables: variables.map(toProfileVariable),
  };
}

/** Problems the editor can tell about a variable before the server does. */
export function variableProblems(
  variable: EditableVariable,
  all: EditableVariable[],
): Partial<
  Record<'name' | 'displayName' | 'regex' | 'default' | 'options', string>
> {
  const problems: Partial<
    Record<'name' | 'displayName' | 'regex' | 'default' | 'options', string>
  > = {};
  const name = variable.name.trim();
  if (!name) problems.name = 'A name is required';
  else if (!PROFILE_VARIABLE_NAME_PATTERN.test(name))
    problems.name =
      'Must start with a letter and hold only letters, digits and underscores';
  else if (all.some(o => o.id !== variable.id && o.name.trim() === name))
    problems.name = `Another variable is named ${name}`;
  if (!variable.displayName.trim())
    problems.displayName = 'A display name is required';
  if (variable.regex && !isCompilableRegex(variable.regex))
    problems.regex = 'Not a valid regular expression';
  if (variable.inputType === 'dropdown' && !variable.options.some(o => o.value))
    problems.options = 'A dropdown needs at least one option';
  if (variable.default !== '') {
    const p = toProfileVariable(variable);
    const problem = checkVariableValue(
      { ...p, regex: problems.regex ? undefined : p.regex },
      variable.default,
    );
    if (problem) problems.default = `The default: ${problem}`;
  }
  return problems;
}

/** Where a layer of the given category goes: after those that install before it. */
export function insertionIndex(
  layers: EditableLayer[],
  categoryOf: (packName: string) => PackLayer | undefined,
  category: PackLayer,
): number {
  const rank = (packName: string) => {
    const c = categoryOf(packName);
    return c === undefined
      ? PACK_LAYER_ORDER.length
      : PACK_LAYER_ORDER.indexOf(c);
  };
  const own = PACK_LAYER_ORDER.indexOf(category);
  const index = layers.findIndex(l => rank(l.packName) > own);
  return index === -1 ? layers.length : index;
}

/** A message placed on a layer, a variable, or the profile. */
export interface PlacedMessage {
  message: ValidationMessage;
  /** About the values of the layer. */
  values?: boolean;
  /** The path inside the values, e.g. `controller.replicaCount`. */
  valuesPath?: string;
}

/** Validation messages sorted by what they are about, by editor id. */
export interface PlacedMessages {
  byLayer: Record<string, PlacedMessage[]>;
  byVariable: Record<string, PlacedMessage[]>;
  general: ValidationMessage[];
}

export const NO_MESSAGES: PlacedMessages = {
  byLayer: {},
  byVariable: {},
  general: [],
};

/**
 * Places messages that refer to layers and variables by index (as they
 * were when validated) on the editor's layers and variables.
 */
export function placeMessages(
  messages: ValidationMessage[],
  layers: EditableLayer[],
  variables: EditableVariable[],
): PlacedMessages {
  const placed: PlacedMessages = { byLayer: {}, byVariable: {}, general: [] };
  const names = layers.map(l => l.packName);
  for (const message of messages) {
    const target = messageTarget(message, names);
    const layer =
      target.layerIndex !== undefined ? layers[target.layerIndex] : undefined;
    const variable =
      target.variableIndex !== undefined
        ? variables[target.variableIndex]
        : undefined;
    if (layer) {
      (placed.byLayer[layer.id] ??= []).push({
        message,
        values: target.values,
        valuesPath: target.valuesPath,
      });
    } else if (variable) {
      (placed.byVariable[variable.id] ??= []).push({ message });
    } else {
      placed.general.push(message);
    }
  }
  return placed;
}
