import { StatusError, StatusOK } from '@backstage/core-components';
import { HealthCheckStatus } from '@palette-backstage/plugin-palette-common';

/** A status dot with a word, so colour is never the only signal. */
export const HealthStatus = ({ status }: { status: HealthCheckStatus }) =>
  status === 'ok' ? (
    <StatusOK>Healthy</StatusOK>
  ) : (
    <StatusError>Unavailable</StatusError>
  );
