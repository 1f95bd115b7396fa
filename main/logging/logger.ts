import { redact, redactAndCut } from './redact';

/** The level of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One structured log line, already redacted and cut to a bounded size. */
export interface LogRecord {
  time: string;
  level: LogLevel;
  event: string;
  fields?: unknown;
}

/** Main's one logger. Every line is redacted and cut before it reaches a sink. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** Where redacted log lines go: stderr in the app, an array in tests. */
export type LogSink = (record: LogRecord) => void;

/** Writes one JSON line per record to stderr. */
export const stderrSink: LogSink = (record) => {
  process.stderr.write(`${JSON.stringify(record)}\n`);
};

/** The longest event name a line keeps (names are short constants; this bounds a computed one). */
const MAX_EVENT = 200;

/** Creates the logger; `sink` receives records whose fields have been redacted and cut. */
export function createLogger(
  sink: LogSink = stderrSink,
  now: () => Date = () => new Date(),
): Logger {
  const write = (level: LogLevel, event: string, fields?: Record<string, unknown>): void => {
    sink({
      time: now().toISOString(),
      level,
      event: redactAndCut(event, MAX_EVENT),
      ...(fields === undefined ? {} : { fields: redact(fields) }),
    });
  };
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
