import type { ValidationMessage } from '@palette-backstage/plugin-palette-common';
import type { KubeObject, RenderInput } from '../../types';
import { renderClusterWithMessages } from '../renderCluster';

/** The objects of a render that must succeed (its messages otherwise, as the error). */
export function renderOk(input: RenderInput): {
  objects: KubeObject[];
  kubernetesVersion: string;
  messages: ValidationMessage[];
} {
  const result = renderClusterWithMessages(input);
  if (!result.ok) {
    throw new Error(
      `render failed: ${JSON.stringify(result.messages, null, 2)}`,
    );
  }
  return result;
}

/** The messages of a render that must fail. */
export function renderErrors(input: RenderInput): ValidationMessage[] {
  const result = renderClusterWithMessages(input);
  if (result.ok) throw new Error('render succeeded, expected problems');
  return result.messages;
}

/** The only object of a kind (and name prefix); throws unless exactly one. */
export function only(
  objects: KubeObject[],
  kind: string,
  namePrefix = '',
): any {
  const found = objects.filter(
    o => o.kind === kind && o.metadata.name.startsWith(namePrefix),
  );
  if (found.length !== 1) {
    throw new Error(
      `expected one ${kind} ${namePrefix}*, found ${
        found.map(o => o.metadata.name).join(', ') || 'none'
      }`,
    );
  }
  return found[0];
}

/** `field: code` of each error, for compact assertions. */
export const errorFields = (messages: ValidationMessage[]) =>
  messages
    .filter(m => m.severity === 'error')
    .map(m => `${m.field}: ${m.code}`);
