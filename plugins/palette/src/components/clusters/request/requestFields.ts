import { ProfileVariable } from '@palette-backstage/plugin-palette-common';
import { variableControl } from './requestForm';

const FIXED_FIELDS = [
  /^name$/,
  /^profile(\.name|\.version)?$/,
  /^addOnProfiles(\.\d+(\.name|\.version)?)?$/,
  /^cloudAccount$/,
  /^region$/,
  /^controlPlane\.(replicas|instanceType)$/,
  /^workerPools(\.\d+\.(name|instanceType|count|autoscaling\.(min|max)))?$/,
  /^owner$/,
  /^project$/,
  /^environment$/,
];

/**
 * Whether the request form shows a field (a request path) next to an
 * input; messages about other fields are listed on their own.
 */
export function isRequestFieldShown(
  field: string,
  variables: ProfileVariable[],
): boolean {
  if (FIXED_FIELDS.some(pattern => pattern.test(field))) return true;
  const variable = /^variables\.(.+)$/.exec(field)?.[1];
  return variables.some(v => v.name === variable && variableControl(v).asked);
}
