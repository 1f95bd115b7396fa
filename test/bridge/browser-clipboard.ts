import type { Page } from 'playwright-core';

import type { ClipboardPort } from '../../main/clipboard/clipboard-port';

/**
 * The bridge's clipboard: main-side copies land on the real clipboard of the Chromium page under
 * test, so an end-to-end test reads back exactly what the user would paste. Attach the page once
 * it exists. (The app itself uses Electron's clipboard: main/clipboard/electron-clipboard.ts.)
 */
export class BrowserClipboard implements ClipboardPort {
  private page: Page | null = null;
  /** Every write, with whether main marked it secret — so a test can assert the marking. */
  readonly writes: Array<{ secret: boolean }> = [];

  attach(page: Page): void {
    this.page = page;
  }

  writeText(text: string): Promise<void> {
    this.writes.push({ secret: false });
    return this.write(text);
  }

  writeSecret(text: string): Promise<void> {
    this.writes.push({ secret: true });
    return this.write(text);
  }

  async readText(): Promise<string> {
    return this.attached().evaluate(() => navigator.clipboard.readText());
  }

  clear(): Promise<void> {
    return this.write('');
  }

  private async write(text: string): Promise<void> {
    await this.attached().evaluate((value) => navigator.clipboard.writeText(value), text);
  }

  private attached(): Page {
    if (this.page === null) throw new Error('BrowserClipboard: no page attached');
    return this.page;
  }
}
