import { KubeObject } from '../../store/types';
import {
  FieldReader,
  parseFieldSelector,
  parseLabelSelector,
} from '../../store/labelSelector';
import { StatusError } from '../../server/StatusError';

/** The list parameters client-node sends that a read-only API honours. */
export interface ListQuery {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueToken?: string;
}

/** Field selectors each kind supports, as kube-apiserver does for them. */
const EXTRA_FIELDS: Record<string, Record<string, FieldReader<KubeObject>>> = {
  Secret: { type: o => o.type as string | undefined },
  Namespace: { 'status.phase': () => 'Active' },
  Node: { 'spec.unschedulable': () => 'false' },
};

/**
 * A `{Kind}List` of the objects matching a list request: namespace, label
 * and field selectors, and `limit`/`continue` pagination (the continue token
 * is the offset of the next page).
 */
export function listOf(
  kind: string,
  apiVersion: string,
  objects: KubeObject[],
  query: ListQuery,
  resourceVersion: string,
) {
  const labels = parseLabelSelector(query.labelSelector);
  const fields = parseFieldSelector(query.fieldSelector, EXTRA_FIELDS[kind]);
  const matching = objects.filter(
    o =>
      (!query.namespace || o.metadata.namespace === query.namespace) &&
      labels(o.metadata.labels) &&
      fields(o),
  );
  const offset = query.continueToken ? decodeContinue(query.continueToken) : 0;
  const end =
    query.limit && query.limit > 0 ? offset + query.limit : matching.length;
  const items = matching.slice(offset, end);
  const more = end < matching.length;
  return {
    apiVersion,
    kind: `${kind}List`,
    metadata: {
      resourceVersion,
      ...(more
        ? {
            continue: Buffer.from(String(end)).toString('base64'),
            remainingItemCount: matching.length - end,
          }
        : {}),
    },
    items,
  };
}

function decodeContinue(token: string): number {
  const offset = Number(Buffer.from(token, 'base64').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0)
    throw new StatusError(
      410,
      'Expired',
      'the provided continue parameter is too old',
    );
  return offset;
}
