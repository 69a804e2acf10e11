import { Knex } from 'knex';

/**
 * A condition on rows, applied in the SQL `WHERE` of a list query. This is how
 * the permission framework's conditional decisions reach the database (as the
 * catalog does with its entity filters): the router turns the rules'
 * conditions into a filter.
 *
 * - `{ property, values }`: the property is one of the values. No values
 *   matches nothing.
 * - `{ allOf }`: every sub-filter holds (an empty list holds).
 * - `{ anyOf }`: some sub-filter holds (an empty list never holds).
 * - `{ not }`: the sub-filter does not hold.
 */
export type PropertyFilter<P extends string> =
  | { allOf: PropertyFilter<P>[] }
  | { anyOf: PropertyFilter<P>[] }
  | { not: PropertyFilter<P> }
  | { property: P; values: string[] };

/** The column a filter property tests. */
export interface FilterColumn {
  column: string;
  /** Entity refs are case-insensitive. */
  caseInsensitive?: boolean;
}

/** Adds a {@link PropertyFilter} to a query. */
export function applyPropertyFilter<P extends string>(
  builder: Knex.QueryBuilder,
  filter: PropertyFilter<P>,
  columns: Record<P, FilterColumn>,
): void {
  if ('allOf' in filter) {
    if (filter.allOf.length === 0) {
      builder.whereRaw('1 = 1');
      return;
    }
    builder.where(group => {
      for (const sub of filter.allOf) {
        group.andWhere(inner => applyPropertyFilter(inner, sub, columns));
      }
    });
    return;
  }
  if ('anyOf' in filter) {
    if (filter.anyOf.length === 0) {
      builder.whereRaw('1 = 0');
      return;
    }
    builder.where(group => {
      for (const sub of filter.anyOf) {
        group.orWhere(inner => applyPropertyFilter(inner, sub, columns));
      }
    });
    return;
  }
  if ('not' in filter) {
    builder.whereNot(inner => applyPropertyFilter(inner, filter.not, columns));
    return;
  }
  if (filter.values.length === 0) {
    builder.whereRaw('1 = 0');
    return;
  }
  const target = columns[filter.property];
  if (!target) {
    throw new Error(
      `Unknown filter property ${JSON.stringify(filter.property)}`,
    );
  }
  if (target.caseInsensitive) {
    builder.whereRaw(
      `lower(??) in (${filter.values.map(() => '?').join(', ')})`,
      [target.column, ...filter.values.map(v => v.toLocaleLowerCase('en-US'))],
    );
  } else {
    builder.whereIn(target.column, filter.values);
  }
}
