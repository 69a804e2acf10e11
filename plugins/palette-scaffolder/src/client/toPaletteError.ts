import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  parseErrorResponseBody,
  ResponseError,
} from '@backstage/errors';

/**
 * The replies palette-backend gives to a caller's mistake, as the errors the
 * scaffolder shows their message of. Their message is the server's own
 * (`field: message; ...` for 400 and for governance refusals), so a template
 * run fails with exactly what palette-backend said.
 */
const ERRORS_BY_STATUS: Record<number, new (message: string) => Error> = {
  400: InputError,
  401: AuthenticationError,
  403: NotAllowedError,
  404: NotFoundError,
  409: ConflictError,
};

/** The error of a non-2xx reply from palette-backend (consumes the body). */
export async function toPaletteError(response: Response): Promise<Error> {
  const ErrorClass = ERRORS_BY_STATUS[response.status];
  if (!ErrorClass) {
    // 5xx and the unexpected: keep status and body for the logs.
    return ResponseError.fromResponse(response);
  }
  const body = await parseErrorResponseBody(response);
  return new ErrorClass(body.error.message);
}
