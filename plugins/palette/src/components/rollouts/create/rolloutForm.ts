import {
  CreateRolloutRequest,
  createRolloutRequestSchema,
  RolloutSelector,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import {
  addSchemaIssues,
  formError as error,
  normalizeFieldPath,
} from '../../clusters/utils';
import { normalizeSystemRef } from '../../clusters/request/requestForm';
import { normalizeOwnerRef } from '../../profiles/utils';

/** The create dialog's inputs: numbers as text, filters as lists. */
export interface RolloutForm {
  profile: string;
  targetVersion: string;
  environments: string[];
  /** Groups as typed, e.g. `team-apollo`. */
  owners: string[];
  /** Systems as typed, e.g. `payments`. */
  projects: string[];
  canarySize: string;
  batchSize: string;
  healthTimeoutMinutes: string;
  description: string;
}

/** What a rollout may start from, e.g. a version on the profile page. */
export interface RolloutPreset {
  profile?: string;
  targetVersion?: string;
  selector?: RolloutSelector;
}

/** The form for a new rollout, with the server's defaults and any preset. */
export function initialRolloutForm(preset: RolloutPreset = {}): RolloutForm {
  return {
    profile: preset.profile ?? '',
    targetVersion: preset.targetVersion ?? '',
    environments: preset.selector?.environments ?? [],
    owners: preset.selector?.owners ?? [],
    projects: preset.selector?.projects ?? [],
    canarySize: '1',
    batchSize: '5',
    healthTimeoutMinutes: '60',
    description: '',
  };
}

const WHOLE = /^\s*\d+\s*$/;
const NUMBER_FIELDS = [
  'canarySize',
  'batchSize',
  'healthTimeoutMinutes',
] as const;
const wholeNumber = (text: string) =>
  WHOLE.test(text) ? Number(text) : Number.NaN;

/** The filters that are set, as entity refs. */
function toSelector(form: RolloutForm): RolloutSelector {
  const selector: RolloutSelector = {};
  const environments = form.environments
    .map(e => e.trim().toLocaleLowerCase('en-US'))
    .filter(Boolean);
  if (environments.length) selector.environments = environments;
  const owners = form.owners.map(o => normalizeOwnerRef(o) ?? o.trim());
  if (owners.length) selector.owners = owners;
  const projects = form.projects.map(p => normalizeSystemRef(p) ?? p.trim());
  if (projects.length) selector.projects = projects;
  return selector;
}

/** What the API takes for the form (numbers are NaN when not whole numbers). */
export function toRolloutRequest(form: RolloutForm): CreateRolloutRequest {
  const request: CreateRolloutRequest = {
    profile: form.profile,
    targetVersion: form.targetVersion,
    selector: toSelector(form),
    canarySize: wholeNumber(form.canarySize),
    batchSize: wholeNumber(form.batchSize),
    healthTimeoutMinutes: wholeNumber(form.healthTimeoutMinutes),
  };
  if (form.description.trim()) request.description = form.description.trim();
  return request;
}

/** What is wrong with the form, checked by `createRolloutRequestSchema`. */
export function validateRolloutForm(form: RolloutForm): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (!form.profile) messages.push(error('profile', 'choose a profile'));
  if (!form.targetVersion)
    messages.push(error('targetVersion', 'choose the version to roll out'));
  for (const key of NUMBER_FIELDS)
    if (!WHOLE.test(form[key]))
      messages.push(error(key, 'must be a whole number'));
  form.owners.forEach((o, i) => {
    if (!normalizeOwnerRef(o))
      messages.push(
        error(
          `selector.owners.${i}`,
          `${o} is not a group such as team-apollo`,
        ),
      );
  });
  const parsed = createRolloutRequestSchema.safeParse(toRolloutRequest(form));
  if (!parsed.success) addSchemaIssues(messages, parsed.error.issues);
  return messages;
}

const FIELD_LABELS: Record<string, string> = {
  profile: 'Profile',
  targetVersion: 'Target version',
  'selector.environments': 'Environments',
  'selector.owners': 'Teams',
  'selector.projects': 'Projects',
  canarySize: 'Canary size',
  batchSize: 'Batch size',
  healthTimeoutMinutes: 'Health timeout',
  description: 'Description',
};

/** `Target version: choose the version to roll out; Batch size: …`. */
export function describeProblems(messages: ValidationMessage[]): string {
  return messages
    .map(m => {
      const field = normalizeFieldPath(m.field).replace(/\.\d+$/, '');
      return `${FIELD_LABELS[field] ?? field}: ${m.message}`;
    })
    .join('; ');
}
