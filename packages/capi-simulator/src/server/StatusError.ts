/**
 * An error the API server answers with a Kubernetes `Status` object, with the
 * same reason and code a real API server uses.
 *
 * @public
 */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'StatusError';
  }

  static badRequest(message: string) {
    return new StatusError(400, 'BadRequest', message);
  }

  static unauthorized() {
    return new StatusError(401, 'Unauthorized', 'Unauthorized');
  }

  static notFound(resource: string, name: string, group = '') {
    const what = group ? `${resource}.${group}` : resource;
    return new StatusError(404, 'NotFound', `${what} "${name}" not found`, {
      name,
      group,
      kind: resource,
    });
  }

  static alreadyExists(resource: string, name: string, group = '') {
    const what = group ? `${resource}.${group}` : resource;
    return new StatusError(
      409,
      'AlreadyExists',
      `${what} "${name}" already exists`,
      {
        name,
        group,
        kind: resource,
      },
    );
  }

  static conflict(resource: string, name: string, group: string, why: string) {
    const what = group ? `${resource}.${group}` : resource;
    return new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${what} "${name}": ${why}`,
      { name, group, kind: resource },
    );
  }

  static gone(message: string) {
    return new StatusError(410, 'Expired', message);
  }

  static unsupportedMediaType(contentType: string) {
    return new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/merge-patch+json, application/apply-patch+yaml; got ${contentType}`,
    );
  }

  static invalid(
    kind: string,
    name: string,
    group: string,
    causes: Array<{ field: string; message: string; reason?: string }>,
  ) {
    const summary = causes.map(c => `${c.field}: ${c.message}`).join(', ');
    return new StatusError(
      422,
      'Invalid',
      `${kind}.${group} "${name}" is invalid: ${summary}`,
      {
        name,
        group,
        kind,
        causes: causes.map(c => ({
          reason: c.reason ?? 'FieldValueInvalid',
          message: c.message,
          field: c.field,
        })),
      },
    );
  }

  /** The JSON body of the reply. */
  toStatus() {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      details: this.details,
      code: this.code,
    };
  }
}
