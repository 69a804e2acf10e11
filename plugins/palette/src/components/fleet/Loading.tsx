import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ReactNode } from 'react';
import { PolledValue } from '../../hooks';

/** What a load gave: progress, the error, or `children` of its value. */
export function Loading<T>({
  state,
  children,
}: {
  state: PolledValue<T>;
  children: (value: T) => ReactNode;
}) {
  if (state.value !== undefined) return <>{children(state.value)}</>;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  return <Progress />;
}
