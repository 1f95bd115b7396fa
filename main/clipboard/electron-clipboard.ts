import { clipboard, ClipboardItem } from 'electron';

import { SECRET_CLIPBOARD_FORMATS, type ClipboardPort } from './clipboard-port';

/** Electron's key for a raw, platform-native clipboard format inside a ClipboardItem. */
function rawFormatKey(format: string): string {
  return `electron application/osclipboard;format="${format}"`;
}

/**
 * The system clipboard through Electron. A secret is written as ONE clipboard item holding the
 * text and this platform's "do not record" formats, committed atomically, so a clipboard manager
 * never sees the text without its hint.
 */
export function createElectronClipboard(platform: NodeJS.Platform): ClipboardPort {
  const hints = SECRET_CLIPBOARD_FORMATS.filter((format) => format.platform === platform);
  return {
    writeText: (text) => clipboard.writeText(text),
    writeSecret: (text) => {
      const item: Record<string, string | Blob> = { 'text/plain': text };
      for (const hint of hints)
        item[rawFormatKey(hint.format)] = new Blob([new Uint8Array(hint.bytes)]);
      return clipboard.write([new ClipboardItem(item)]);
    },
    readText: () => clipboard.readText(),
    clear: () => {
      clipboard.clear();
      return Promise.resolve();
    },
  };
}
