import {
  ImportClusterRequestInput,
  importClusterRequestSchema,
  ImportMode,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import {
  AddOnForm,
  ownershipMessages,
  toOwnershipRequest,
} from '../clusters/request';
import { addSchemaIssues, formError } from '../clusters/utils';

/** The import dialog's inputs. */
export interface ImportForm {
  name: string;
  /** The kubeconfig, pasted or read from a file; cleared once imported. */
  kubeconfig: string;
  context: string;
  mode: ImportMode;
  /** Managed mode only. */
  addOns: AddOnForm[];
  owner: string;
  project: string;
  environment: string;
  description: string;
}

export function emptyImportForm(): ImportForm {
  return {
    name: '',
    kubeconfig: '',
    context: '',
    mode: 'read-only',
    addOns: [],
    owner: '',
    project: '',
    environment: 'dev',
    description: '',
  };
}

/** The API request for the form; add-ons only in managed mode. */
export function toImportRequest(form: ImportForm): ImportClusterRequestInput {
  const request: ImportClusterRequestInput = {
    name: form.name.trim(),
    kubeconfig: form.kubeconfig,
    mode: form.mode,
    addOnProfiles:
      form.mode === 'managed'
        ? form.addOns.map(a => ({ name: a.name, version: a.version }))
        : [],
    ...toOwnershipRequest(form),
  };
  if (form.context.trim()) request.context = form.context.trim();
  if (form.description.trim()) request.description = form.description.trim();
  return request;
}

const FIELDS_SHOWN = [
  /^name$/,
  /^kubeconfig$/,
  /^context$/,
  /^mode$/,
  /^addOnProfiles(\.\d+(\.name|\.version)?)?$/,
  /^owner$/,
  /^project$/,
  /^environment$/,
  /^description$/,
];

/** Whether the import form shows a field next to an input. */
export const isImportFieldShown = (field: string) =>
  FIELDS_SHOWN.some(pattern => pattern.test(field));

/**
 * What is wrong with the form before the server is asked: empty inputs and
 * ownership in friendly words, then the API's own schema.
 */
export function validateImportForm(form: ImportForm): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (!form.name.trim()) messages.push(formError('name', 'is required'));
  if (!form.kubeconfig.trim())
    messages.push(formError('kubeconfig', 'is required'));
  messages.push(...ownershipMessages(form));
  const parsed = importClusterRequestSchema.safeParse(toImportRequest(form));
  if (!parsed.success) addSchemaIssues(messages, parsed.error.issues);
  return messages;
}
