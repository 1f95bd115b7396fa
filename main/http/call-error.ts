import { AppFailure, type AppError } from '../../shared/errors';

/**
 * A failed API call: the error for a person (code, message, hint, request id) plus the facts a
 * caller branches on, which each API names for itself (Stytch's `error_type`, Graph's
 * `error.code` and `client-request-id`). Each client subclasses it under its own name.
 */
export class HttpCallError<Facts> extends AppFailure {
  readonly facts: Facts;

  constructor(appError: AppError, facts: Facts) {
    super(appError);
    this.facts = facts;
  }
}
