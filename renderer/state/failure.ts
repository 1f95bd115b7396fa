import type { AppError } from '../../shared/ipc';

/** A failed call as the UI shows it: main's error plus the action that tries again. */
export interface Failure {
  error: AppError;
  retry: () => void;
}
