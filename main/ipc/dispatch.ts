import { AppFailure, fail, ok, type Result } from '../../shared/errors';
import { ipcContract, type EventPayload, type ParsedReq, type Res } from '../../shared/ipc';
import { isInvokeChannel, type EventChannel, type InvokeChannel } from '../../shared/ipc-channels';
import type { Logger } from '../logging/logger';

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
    if (!isInvokeChannel(channel) || handlers[channel] === undefined) {
      return fail('IPC_UNKNOWN_CHANNEL', UNKNOWN_CHANNEL.message, UNKNOWN_CHANNEL.hint);
    }
    return runChannel(channel, rawRequest, handlers, services, emit, logger);
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
    const where = parsed.error.issues
      .map((issue) => issue.path.join('.') || '(request)')
      .join(', ');
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
