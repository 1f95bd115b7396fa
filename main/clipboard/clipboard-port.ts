/**
 * The system clipboard as main's clipboard logic sees it. Asynchronous, like Electron's own
 * clipboard API since Electron 44. `electron-clipboard.ts` implements it; tests use a fake.
 */
export interface ClipboardPort {
  /** Writes plain text. */
  writeText(text: string): Promise<void>;
  /**
   * Writes a secret as text, marked with the platform's "do not keep this" formats
   * ({@link SECRET_CLIPBOARD_FORMATS}) so clipboard managers and history skip it.
   */
  writeSecret(text: string): Promise<void>;
  /** The clipboard's current plain text ('' when it holds none). */
  readText(): Promise<string>;
  /** Empties the clipboard. */
  clear(): Promise<void>;
}

/** One extra clipboard format that marks the content as a password. */
export interface SecretClipboardFormat {
  platform: 'darwin' | 'win32' | 'linux';
  /** The format (pasteboard type / registered clipboard format / MIME type) name. */
  format: string;
  /** The bytes to write under that format. */
  bytes: readonly number[];
  /** Who honours it. */
  why: string;
}

/**
 * The formats the Electron adapter writes alongside the text of a secret. [Uncertain] Whether
 * Electron can write these together with the text in one operation on every platform (and
 * whether Klipper reads the hint through Electron's X11/Wayland path) was not verified here:
 * this list is the one place to change if a format turns out to need different data.
 */
export const SECRET_CLIPBOARD_FORMATS: readonly SecretClipboardFormat[] = [
  {
    platform: 'darwin',
    format: 'org.nspasteboard.ConcealedType',
    bytes: [],
    why: 'nspasteboard.org convention: clipboard managers do not record or show concealed items.',
  },
  {
    platform: 'win32',
    format: 'ExcludeClipboardContentFromMonitorProcessing',
    bytes: [],
    why: 'Windows: clipboard monitors, including Clipboard History, ignore the content.',
  },
  {
    platform: 'win32',
    format: 'CanIncludeInClipboardHistory',
    bytes: [0, 0, 0, 0],
    why: 'Windows: a DWORD 0 keeps the item out of Clipboard History (Win+V).',
  },
  {
    platform: 'win32',
    format: 'CanUploadToCloudClipboard',
    bytes: [0, 0, 0, 0],
    why: 'Windows: a DWORD 0 keeps the item out of the cloud clipboard sync.',
  },
  {
    platform: 'linux',
    format: 'x-kde-passwordManagerHint',
    bytes: Array.from(new TextEncoder().encode('secret')),
    why: 'KDE Klipper does not keep items carrying this hint with the value "secret".',
  },
];
