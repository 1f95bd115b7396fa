import { createLogger, type Logger, type LogRecord } from '../../main/logging/logger';

/** A logger whose redacted records land in an array, and the array as one string for searching. */
export function captureLogger(): { logger: Logger; records: LogRecord[]; text: () => string } {
  const records: LogRecord[] = [];
  return {
    logger: createLogger((record) => records.push(record)),
    records,
    text: () => JSON.stringify(records),
  };
}
