import type { FeatureHandlers } from '../ipc/dispatch';
import type { ClipboardService } from './clipboard-service';

/** What the clipboard:* handlers use (a slice of `Services`). */
export interface ClipboardServices {
  clipboard: ClipboardService;
}

/** The clipboard:* channels. */
export const clipboardHandlers = {
  /**
   * Plain text, or a secret by handle (read and written inside main, cleared after
   * `settings.clipboardClearMs` if the clipboard still holds it).
   */
  'clipboard:copy': (request, services) =>
    request.kind === 'text'
      ? services.clipboard.copyText(request.text)
      : services.clipboard.copySecret(request.handle),
} satisfies FeatureHandlers<ClipboardServices>;
