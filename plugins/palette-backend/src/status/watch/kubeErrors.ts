/** Codes of a connection that was established, then broke. */
const CONNECTION_LOST = new Set([
  'ECONNRESET',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/**
 * A short reason for a failed request to the management cluster, safe to
 * show to users and in health reports: no addresses, tokens or request dumps
 * (client-node's errors embed the URL).
 */
export function describeKubeError(error: unknown): string {
  const e = (error ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
    body?: unknown;
    cause?: { code?: unknown };
    message?: unknown;
  };
  const status = [e.code, e.statusCode].find(
    (c): c is number => typeof c === 'number',
  );
  if (status === 401 || status === 403)
    return `the API server refused the configured credentials (HTTP ${status})`;
  if (status !== undefined) {
    const reason = statusMessageOf(e.body);
    return `the API server answered HTTP ${status}${
      reason ? `: ${reason}` : ''
    }`;
  }
  const network = [e.code, e.cause?.code].find(
    (c): c is string => typeof c === 'string',
  );
  if (network)
    return CONNECTION_LOST.has(network)
      ? `the connection to the API server was lost (${network})`
      : `cannot connect to the API server (${network})`;
  const text = typeof e.message === 'string' ? e.message : String(error);
  return scrub(text.split('\n')[0]);
}

/** The `message` of a Kubernetes `Status` body, when the body is one. */
function statusMessageOf(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const message = (parsed as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? scrub(message) : undefined;
}

function scrub(text: string): string {
  return text
    .replace(/Bearer\s+\S+/gi, 'Bearer ***')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s,]+/gi, '<api-server>')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '<address>')
    .slice(0, 300);
}
