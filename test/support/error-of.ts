import { AppErrorSchema, AppFailure, type AppError } from '../../shared/errors';

/** The user-facing error a failure carries: from an AppFailure or a failed Result. */
export function errorOf(value: unknown): AppError {
  if (value instanceof AppFailure) return value.appError;
  if (typeof value === 'object' && value !== null && 'ok' in value && value.ok === false) {
    if ('error' in value) return AppErrorSchema.parse(value.error);
  }
  throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
}
