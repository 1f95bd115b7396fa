import type { Handler } from '../ipc/dispatch';
import type { Services } from '../services';

/**
 * `clipboard:copy`: plain text, or a secret by handle (read and written inside main, cleared
 * after `settings.clipboardClearMs` if the clipboard still holds it).
 */
export const copyToClipboard: Handler<'clipboard:copy', Services> = (request, services) =>
  request.kind === 'text'
    ? services.clipboard.copyText(request.text)
    : services.clipboard.copySecret(request.handle);
