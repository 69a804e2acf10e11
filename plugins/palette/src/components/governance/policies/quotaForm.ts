import {
  StoredTeamQuota,
  TeamQuota,
  teamQuotaSchema,
  ValidationMessage,
} from '@palette-backstage/plugin-palette-common';
import { addSchemaIssues, formError as error } from '../../clusters/utils';
import { normalizeOwnerRef } from '../../profiles/utils';

/** The quota dialog's inputs: numbers as text, empty for no limit. */
export interface QuotaForm {
  team: string;
  maxClusters: string;
  maxNodes: string;
  maxVcpus: string;
  monthlyBudget: string;
}

/** The limits of a quota, in the order they are shown. */
export const QUOTA_LIMITS = [
  'maxClusters',
  'maxNodes',
  'maxVcpus',
  'monthlyBudget',
] as const;

export type QuotaLimit = (typeof QUOTA_LIMITS)[number];

export const emptyQuotaForm = (): QuotaForm => ({
  team: '',
  maxClusters: '',
  maxNodes: '',
  maxVcpus: '',
  monthlyBudget: '',
});

export function toQuotaForm(quota: StoredTeamQuota | TeamQuota): QuotaForm {
  const text = (n?: number) => (n === undefined ? '' : String(n));
  return {
    team: quota.team,
    maxClusters: text(quota.maxClusters),
    maxNodes: text(quota.maxNodes),
    maxVcpus: text(quota.maxVcpus),
    monthlyBudget: text(quota.monthlyBudget),
  };
}

const WHOLE = /^\s*\d+\s*$/;
const DECIMAL = /^\s*\d+(\.\d+)?\s*$/;

/** What the API takes for the form (numbers may be NaN when not numbers). */
export function toTeamQuota(form: QuotaForm): TeamQuota {
  const quota: TeamQuota = {
    team: normalizeOwnerRef(form.team) ?? form.team.trim(),
  };
  for (const key of QUOTA_LIMITS) {
    const text = form[key];
    if (!text.trim()) continue;
    const pattern = key === 'monthlyBudget' ? DECIMAL : WHOLE;
    quota[key] = pattern.test(text) ? Number(text) : Number.NaN;
  }
  return quota;
}

/** What is wrong with the form, by `teamQuotaSchema` and in plainer words. */
export function validateQuotaForm(form: QuotaForm): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  if (!form.team.trim()) messages.push(error('team', 'is required'));
  else if (!normalizeOwnerRef(form.team))
    messages.push(error('team', 'must be a group such as team-apollo'));
  for (const key of QUOTA_LIMITS) {
    const text = form[key];
    const pattern = key === 'monthlyBudget' ? DECIMAL : WHOLE;
    if (text.trim() && !pattern.test(text))
      messages.push(
        error(
          key,
          key === 'monthlyBudget'
            ? 'must be an amount such as 2500'
            : 'must be a whole number',
        ),
      );
  }
  const parsed = teamQuotaSchema.safeParse(toTeamQuota(form));
  if (!parsed.success) addSchemaIssues(messages, parsed.error.issues);
  return messages;
}
