/**
 * Why an imported cluster's API server could not be used: it did not
 * answer (`unreachable`), refused the stored credentials (`unauthorized`),
 * or answered with another error.
 */
export class WorkloadApiError extends Error {
  name = 'WorkloadApiError';
  constructor(
    readonly kind: 'unreachable' | 'unauthorized' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** The status code of a client-node error, when the server answered. */
const statusOf = (error: unknown): number | undefined => {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
};

/**
 * Classifies a client-node failure. Messages never quote the request or
 * the kubeconfig: only the status or the network error code.
 */
export function toWorkloadApiError(
  error: unknown,
  what: string,
): WorkloadApiError {
  if (error instanceof WorkloadApiError) return error;
  const status = statusOf(error);
  if (status === 401 || status === 403)
    return new WorkloadApiError(
      'unauthorized',
      `the API server refused the credentials (HTTP ${status}) while reading ${what}`,
    );
  if (status !== undefined)
    return new WorkloadApiError(
      'failed',
      `the API server answered HTTP ${status} while reading ${what}`,
    );
  const cause =
    (error as { cause?: { code?: string } })?.cause?.code ??
    (error as { code?: string })?.code;
  if (cause)
    return new WorkloadApiError(
      'unreachable',
      `the API server does not answer (${cause}) while reading ${what}`,
    );
  // The client refused before sending (e.g. TLS settings): its message
  // names the setting, not the credentials.
  return new WorkloadApiError(
    'failed',
    `the client could not call the API server while reading ${what}: ${
      error instanceof Error ? error.message : String(error)
    }`,
  );
}

/** Runs one API call with a deadline; the call's own error is classified. */
export async function withDeadline<T>(
  what: string,
  timeoutMs: number,
  call: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new WorkloadApiError(
            'unreachable',
            `the API server did not answer within ${Math.round(
              timeoutMs / 1000,
            )} s while reading ${what}`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([call(), deadline]);
  } catch (error) {
    throw toWorkloadApiError(error, what);
  } finally {
    clearTimeout(timer);
  }
}
