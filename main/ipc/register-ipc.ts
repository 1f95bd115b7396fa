import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';

import { fail } from '../../shared/errors';
import { INVOKE_CHANNELS } from '../../shared/ipc-channels';
import type { Logger } from '../logging/logger';
import type { Dispatch, EmitEvent } from './dispatch';
import { isAppFrameUrl, type AppOrigin } from './trusted-sender';

/**
 * Registers every channel of the contract on Electron's IPC. The only Electron-specific parts
 * are here: the sender check (the app's own window and page, nothing else) and event delivery.
 */
export function registerIpc(options: {
  dispatch: Dispatch;
  origin: AppOrigin;
  trustedWebContents: () => ReadonlySet<number>;
  logger: Logger;
}): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
      if (!isTrustedSender(event, options)) {
        options.logger.warn('ipc.untrusted-sender', { channel });
        return fail(
          'IPC_UNTRUSTED_SENDER',
          'This request did not come from the app.',
          'Restart the app.',
        );
      }
      return options.dispatch(channel, raw, emitTo(event.sender));
    });
  }
}

function isTrustedSender(
  event: IpcMainInvokeEvent,
  options: { origin: AppOrigin; trustedWebContents: () => ReadonlySet<number> },
): boolean {
  const frame = event.senderFrame;
  return (
    options.trustedWebContents().has(event.sender.id) &&
    frame !== null &&
    frame.parent === null &&
    isAppFrameUrl(frame.url, options.origin)
  );
}

function emitTo(sender: WebContents): EmitEvent {
  return (eventName, payload) => {
    if (!sender.isDestroyed()) sender.send(eventName, payload);
  };
}
