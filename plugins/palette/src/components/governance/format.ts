import { parseEntityRef } from '@backstage/catalog-model';
import { POLICY_WILDCARD } from '@palette-backstage/plugin-palette-common';
import { formatMoney } from '../fleet/format';

/**
 * An estimated cost, in the price table's currency (USD), rounded to
 * whole units: estimates are no more precise than that.
 */
export const formatCost = (amount: number) =>
  formatMoney(amount, 'USD', { whole: true });

/** `$841 / month`. */
export const formatMonthlyCost = (amount: number) =>
  `${formatCost(amount)} / month`;

/**
 * The name of an entity ref for tables: `jane` for `user:default/jane`,
 * `other/jane` outside the default namespace.
 */
export function shortRef(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

/** A policy's project or environment: `any` for the wildcard. */
export const scopeText = (value: string) =>
  value === POLICY_WILDCARD ? 'any' : shortRef(value);
