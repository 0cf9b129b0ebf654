/** Domain errors carry the HTTP status they map to; a status below 500 is safe to show. */
export class DomainError extends Error {
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
