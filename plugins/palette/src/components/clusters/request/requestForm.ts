import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  checkVariableValue,
  ClusterRequestInput,
  clusterRequestSchema,
  ProfileVariable,
  SENSITIVE_VALUE_MASK,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { normalizeOwnerRef } from '../../profiles/utils';
import { addSchemaIssues, formError as error } from '../utils';
import { newPool, PoolForm, poolMessages, toWorkerPool } from './poolForm';

/** One chosen add-on profile. */
export interface AddOnForm {
  name: string;
  version: string;
}

/** The request dialog's inputs. */
export interface RequestForm {
  name: string;
  profile: string;
  version: string;
  addOns: AddOnForm[];
  /** Values typed or defaulted, by variable name. */
  variables: Record<string, string>;
  cloudAccount: string;
  region: string;
  controlPlaneReplicas: string;
  controlPlaneInstanceType: string;
  pools: PoolForm[];
  owner: string;
  project: string;
  environment: string;
  description: string;
}

export function emptyRequestForm(): RequestForm {
  return {
    name: '',
    profile: '',
    version: '',
    addOns: [],
    variables: {},
    cloudAccount: '',
    region: '',
    controlPlaneReplicas: '3',
    controlPlaneInstanceType: '',
    pools: [newPool(0)],
    owner: '',
    project: '',
    environment: 'dev',
    description: '',
  };
}

/** A variable as a form asks it: the control, and whether it is asked at all. */
export interface VariableControl {
  control:
    | 'text'
    | 'textarea'
    | 'number'
    | 'checkbox'
    | 'dropdown'
    | 'password';
  asked: boolean;
  editable: boolean;
}

/**
 * How a variable is asked, by the rules of palette-common's
 * `variableInputTypeSchema`: its input type, else a dropdown when it has
 * options, a checkbox for booleans, a number field for numbers, a password
 * field when sensitive, text otherwise. Hidden variables are not asked;
 * read-only ones are shown with their default.
 */
export function variableControl(variable: ProfileVariable): VariableControl {
  let control: VariableControl['control'] = 'text';
  if (variable.inputType) control = variable.inputType;
  else if (variable.options?.length) control = 'dropdown';
  else if (variable.format === 'boolean') control = 'checkbox';
  else if (variable.format === 'number') control = 'number';
  else if (variable.sensitive) control = 'password';
  if (variable.sensitive && control === 'text') control = 'password';
  return {
    control,
    asked: !variable.hidden,
    editable: !variable.hidden && !variable.readOnly,
  };
}

/** The value a variable's input starts with: its default, never a sensitive one. */
export function initialVariableValue(variable: ProfileVariable): string {
  if (variable.sensitive || variable.default === SENSITIVE_VALUE_MASK)
    return variable.format === 'boolean' ? 'false' : '';
  if (variable.default !== undefined) return variable.default;
  return variable.format === 'boolean' ? 'false' : '';
}

/**
 * Fills in the starting values of variables the form does not hold yet;
 * the same object when there are none to fill.
 */
export function withVariableDefaults(
  values: Record<string, string>,
  variables: ProfileVariable[],
): Record<string, string> {
  const missing = variables.filter(v => !(v.name in values));
  if (!missing.length) return values;
  const next = { ...values };
  for (const v of missing) next[v.name] = initialVariableValue(v);
  return next;
}

/** A `system:default/x` ref from `x`, `system:x` or a full ref. */
export function normalizeSystemRef(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(trimmed, {
        defaultKind: 'system',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** Who owns a cluster, as the ownership inputs hold it. */
export interface OwnershipForm {
  owner: string;
  project: string;
  environment: string;
}

/** The ownership of a request: entity refs from what was typed. */
export function toOwnershipRequest(form: OwnershipForm): OwnershipForm {
  return {
    owner: normalizeOwnerRef(form.owner) ?? form.owner.trim(),
    project: normalizeSystemRef(form.project) ?? form.project.trim(),
    environment: form.environment.trim(),
  };
}

/** The values sent: those the user may set and that are set. */
function variableValues(
  form: RequestForm,
  variables: ProfileVariable[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const v of variables) {
    const value = form.variables[v.name] ?? '';
    if (variableControl(v).editable && value !== '') values[v.name] = value;
  }
  return values;
}

/** The API request for the form. */
export function toClusterRequest(
  form: RequestForm,
  variables: ProfileVariable[],
): ClusterRequestInput {
  const request: ClusterRequestInput = {
    name: form.name.trim(),
    profile: { name: form.profile, version: form.version },
    addOnProfiles: form.addOns.map(a => ({ name: a.name, version: a.version })),
    variables: variableValues(form, variables),
    cloudAccount: form.cloudAccount,
    region: form.region,
    controlPlane: {
      replicas: Number(form.controlPlaneReplicas) as 1 | 3 | 5,
    },
    workerPools: form.pools.map(toWorkerPool),
    ...toOwnershipRequest(form),
  };
  if (form.controlPlaneInstanceType.trim())
    request.controlPlane.instanceType = form.controlPlaneInstanceType.trim();
  if (form.description.trim()) request.description = form.description.trim();
  return request;
}

/** Friendlier words for empty inputs than the schema's patterns. */
const REQUIRED: Record<string, (form: RequestForm) => boolean> = {
  name: f => !f.name.trim(),
  'profile.name': f => !f.profile,
  'profile.version': f => !f.version,
  cloudAccount: f => !f.cloudAccount,
  region: f => !f.region,
};

/**
 * What is wrong with the ownership inputs before the server is asked:
 * empty, or not a group or system reference.
 */
export function ownershipMessages(form: OwnershipForm): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  for (const field of ['owner', 'project', 'environment'] as const)
    if (!form[field].trim()) messages.push(error(field, 'is required'));
  if (form.owner.trim() && !normalizeOwnerRef(form.owner))
    messages.push(
      error('owner', 'must be a group such as team-apollo or group:default/x'),
    );
  if (form.project.trim() && !normalizeSystemRef(form.project))
    messages.push(
      error('project', 'must be a system such as payments or system:default/x'),
    );
  return messages;
}

/**
 * What is wrong with the form before the server is asked: the API's own
 * schema, each pool by `workerPoolSchema`, and each variable by its
 * required flag, format, regex and options. Fields are request paths
 * (`workerPools.0.count`, `variables.podCidr`).
 */
export function validateRequestForm(
  form: RequestForm,
  variables: ProfileVariable[],
): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  const said = (field: string) => messages.some(m => m.field === field);
  for (const [field, isEmpty] of Object.entries(REQUIRED))
    if (isEmpty(form)) messages.push(error(field, 'is required'));
  messages.push(...ownershipMessages(form));
  form.pools.forEach((pool, i) => {
    for (const m of poolMessages(pool))
      messages.push({ ...m, field: `workerPools.${i}.${m.field}` });
  });
  for (const v of variables) {
    const control = variableControl(v);
    if (!control.editable) continue;
    const value = form.variables[v.name] ?? '';
    const field = `variables.${v.name}`;
    if (value === '') {
      if (v.required && v.default === undefined)
        messages.push(error(field, 'is required'));
    } else {
      const problem = checkVariableValue(v, value);
      if (problem) messages.push(error(field, problem));
    }
  }
  const parsed = clusterRequestSchema.safeParse(
    toClusterRequest(form, variables),
  );
  // Pools and empty inputs are already said, in better words.
  if (!parsed.success)
    addSchemaIssues(messages, parsed.error.issues, {
      word: (field, issue) =>
        field.startsWith('workerPools.') ||
        (field.startsWith('profile') &&
          (said('profile.name') || said('profile.version')))
          ? undefined
          : issue.message,
    });
  return messages;
}
