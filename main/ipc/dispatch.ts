import { AppFailure, fail, ok, type AppError, type Result } from '../../shared/errors';
import { ipcContract, type EventPayload, type ParsedReq, type Res } from '../../shared/ipc';
import { isInvokeChannel, type EventChannel, type InvokeChannel } from '../../shared/ipc-channels';
import type { Logger } from '../logging/logger';
import { redactAndCut, secretFieldValues } from '../logging/redact';

/** Sends an event to the renderer that made the call. */
export type EmitEvent = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

/** A handler: a plain function of the parsed request and the services, with no Electron in sight. */
export type Handler<C extends InvokeChannel, S> = (
  request: ParsedReq<C>,
  services: S,
  emit: EmitEvent,
) => Promise<Res<C>> | Res<C>;

/** One handler per channel of the contract; the compiler refuses a missing one. */
export type HandlerTable<S> = { [C in InvokeChannel]: Handler<C, S> };

/**
 * One feature's handlers, keyed by channel, over the slice of the services that feature uses.
 * Written `{ … } satisfies FeatureHandlers<MyServices>`, so each handler is typed from the contract.
 */
export type FeatureHandlers<S> = Partial<HandlerTable<S>>;

/** Shows a keychain warning (if any) as a notice, for channels whose answer has no place for it. */
export function noticeIfWarned(emit: EmitEvent, warning: string | null): void {
  if (warning !== null) emit('app:notice', { level: 'warning', message: warning });
}

/** Runs one call from any transport (Electron IPC or the test bridge) and returns a Result. */
export type Dispatch = (
  channel: unknown,
  rawRequest: unknown,
  emit: EmitEvent,
) => Promise<Result<unknown>>;

const UNKNOWN_CHANNEL = {
  message: 'The app asked for something it does not offer.',
  hint: 'Restart the app; if it happens again, report it.',
} as const;

// What an error may carry to the renderer: a few sentences a person can read, not megabytes.
const MAX_MESSAGE = 1_000;
const MAX_HINT = 1_000;
const MAX_REQUEST_ID = 200;
const MAX_PATHS_NAMED = 5;
const MAX_PATH_PART = 60;

/**
 * Every error leaves main here, and only its schema's fields do. Message, hint and request ID are
 * redacted (registered secrets, the usual secret shapes, and any secret the request itself carried,
 * which is not registered until Stytch accepts it) and cut, whatever produced them: an upstream
 * echoing the Authorization header, a 5 MB `error_message`, a field path with a huge key.
 */
function outgoing(error: AppError, requestSecrets: readonly string[]): AppError {
  const clean = (text: string, max: number) => redactAndCut(text, max, requestSecrets);
  return {
    code: error.code,
    message: clean(error.message, MAX_MESSAGE),
    hint: clean(error.hint, MAX_HINT),
    ...(error.retryable === undefined ? {} : { retryable: error.retryable }),
    ...(error.requestId === undefined ? {} : { requestId: clean(error.requestId, MAX_REQUEST_ID) }),
    ...(error.action === undefined ? {} : { action: error.action }),
  };
}

/** Names the fields of a refused request: the first few paths, each part cut short. */
export function describeIssuePaths(issues: readonly { path: readonly PropertyKey[] }[]): string {
  const named = issues
    .slice(0, MAX_PATHS_NAMED)
    .map(
      (issue) =>
        issue.path.map((part) => redactAndCut(String(part), MAX_PATH_PART)).join('.') ||
        '(request)',
    );
  const more = issues.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

/**
 * Builds the single dispatcher both transports use: checks the channel, zod-parses the request,
 * runs the handler and turns every failure into a Result. It never throws, so a malformed
 * payload can never crash main, and no stack trace crosses to the renderer. The app passes the
 * whole {@link HandlerTable}; a test may pass just the features it exercises.
 */
export function createDispatcher<S>(
  handlers: FeatureHandlers<S>,
  services: S,
  logger: Logger,
): Dispatch {
  return async (channel, rawRequest, emit) => {
    const result =
      isInvokeChannel(channel) && handlers[channel] !== undefined
        ? await runChannel(channel, rawRequest, handlers, services, emit, logger)
        : fail('IPC_UNKNOWN_CHANNEL', UNKNOWN_CHANNEL.message, UNKNOWN_CHANNEL.hint);
    if (result.ok) return result;
    return { ok: false, error: outgoing(result.error, secretFieldValues(rawRequest)) };
  };
}

async function runChannel<S>(
  channel: InvokeChannel,
  rawRequest: unknown,
  handlers: FeatureHandlers<S>,
  services: S,
  emit: EmitEvent,
  logger: Logger,
): Promise<Result<unknown>> {
  const parsed = ipcContract[channel].request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    const where = describeIssuePaths(parsed.error.issues);
    logger.warn('ipc.invalid-request', { channel, fields: where });
    return fail(
      'IPC_INVALID_REQUEST',
      `The request to "${channel}" was not valid (${where}).`,
      'Check the values you entered and try again.',
    );
  }
  try {
    // The contract pairs each channel's parsed request with its handler; TypeScript cannot
    // follow that correlation through a union of channels, hence the widening cast.
    const handler = handlers[channel] as Handler<InvokeChannel, S>;
    const data = await handler(parsed.data, services, emit);
    return ok(data);
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.appError };
    logger.error('ipc.handler-crashed', { channel, error });
    return fail(
      'INTERNAL_ERROR',
      'Something went wrong inside the app.',
      'Try again. If it keeps happening, restart the app and report what you were doing.',
    );
  }
}
