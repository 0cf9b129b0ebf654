/** Domain errors carry the HTTP status they map to; a status below 500 is safe to show. */
export class DomainError extends Error {
  /** Seconds after which the same request may succeed: sent as `Retry-After` (429 and 503 answers). */
  retryAfterSeconds?: number;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', `${what} not found`);
  }
}

export class InvalidInputError extends DomainError {
  constructor(fields: Record<string, string>) {
    super(400, 'invalid_input', `Invalid ${Object.keys(fields).join(', ')}`, fields);
  }
}

/** The request is valid but conflicts with the current state (a taken slug, a shop already applied for). */
export class ConflictError extends DomainError {
  constructor(code: string, message: string, fields?: Record<string, string>) {
    super(409, code, message, fields);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(403, 'forbidden', message);
  }
}

/** A client asked more than its limit allows (shared/domain/client-limits.ts): nothing was done; try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  constructor(code: string, message: string, retryAfterSeconds: number, fields?: Record<string, string>) {
    super(429, code, message, fields);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}
