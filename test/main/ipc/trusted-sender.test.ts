import { describe, expect, it } from 'vitest';

import { isAppFrameUrl } from '../../../main/ipc/trusted-sender';

describe('isAppFrameUrl()', () => {
  const packaged = { fileUrl: 'file:///opt/app/resources/app.asar/out/renderer/index.html' };

  it('accepts the packaged renderer page, with or without a hash', () => {
    expect(
      isAppFrameUrl('file:///opt/app/resources/app.asar/out/renderer/index.html', packaged),
    ).toBe(true);
    expect(
      isAppFrameUrl('file:///opt/app/resources/app.asar/out/renderer/index.html#/step', packaged),
    ).toBe(true);
  });

  it('refuses another local file and any web page', () => {
    expect(isAppFrameUrl('file:///tmp/evil.html', packaged)).toBe(false);
    expect(isAppFrameUrl('https://example.com/', packaged)).toBe(false);
    expect(isAppFrameUrl('not a url', packaged)).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    const dev = { devOrigin: 'http://localhost:5173' };
    expect(isAppFrameUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppFrameUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppFrameUrl('file:///opt/app/index.html', dev)).toBe(false);
  });
});
