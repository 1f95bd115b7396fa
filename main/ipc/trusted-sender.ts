/**
 * Where the app's own pages are served from: the packaged renderer from the app's own scheme
 * (`app://renderer/index.html`, see main/windows/app-protocol.ts), the development build from the
 * local Vite server.
 */
export interface AppOrigin {
  /** The exact URL of the renderer's index.html when served by the app itself. */
  pageUrl?: string;
  /** The origin of the dev server (e.g. http://localhost:5173), in development only. */
  devOrigin?: string;
}

/**
 * True when a frame URL belongs to the app itself. An IPC message from any other page (an
 * injected iframe, a navigated-away window) is refused before its payload is even parsed.
 */
export function isAppFrameUrl(frameUrl: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(frameUrl);
  } catch {
    return false;
  }
  if (origin.pageUrl !== undefined) {
    // A custom scheme has no web origin ("null"), so the page is matched part by part.
    const expected = new URL(origin.pageUrl);
    return (
      parsed.protocol === expected.protocol &&
      parsed.host === expected.host &&
      parsed.pathname === expected.pathname &&
      parsed.username === '' &&
      parsed.password === ''
    );
  }
  if (origin.devOrigin !== undefined) {
    return parsed.origin === new URL(origin.devOrigin).origin;
  }
  return false;
}
