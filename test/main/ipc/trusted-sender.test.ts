import { describe, expect, it } from 'vitest';

import { isAppFrameUrl } from '../../../main/ipc/trusted-sender';
import { APP_INDEX_URL } from '../../../main/windows/app-protocol';

describe('isAppFrameUrl()', () => {
  const packaged = { pageUrl: APP_INDEX_URL };

  it('accepts the packaged renderer page, with or without a hash', () => {
    expect(isAppFrameUrl('app://renderer/index.html', packaged)).toBe(true);
    expect(isAppFrameUrl('app://renderer/index.html#/step', packaged)).toBe(true);
  });

  it('refuses another page of the scheme, another host, a local file and any web page', () => {
    expect(isAppFrameUrl('app://renderer/other.html', packaged)).toBe(false);
    expect(isAppFrameUrl('app://evil/index.html', packaged)).toBe(false);
    expect(isAppFrameUrl('app://user@renderer/index.html', packaged)).toBe(false);
    expect(
      isAppFrameUrl('file:///opt/app/resources/app.asar/out/renderer/index.html', packaged),
    ).toBe(false);
    expect(isAppFrameUrl('https://renderer/index.html', packaged)).toBe(false);
    expect(isAppFrameUrl('not a url', packaged)).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    const dev = { devOrigin: 'http://localhost:5173' };
    expect(isAppFrameUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppFrameUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppFrameUrl('app://renderer/index.html', dev)).toBe(false);
  });
});
