/**
 * Where the app's own pages are served from: the packaged renderer is loaded from a file URL,
 * the development build from the local Vite server.
 */
export interface AppOrigin {
  /** The exact file URL of the renderer's index.html, when loaded from disk. */
  fileUrl?: string;
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
  if (origin.fileUrl !== undefined && parsed.protocol === 'file:') {
    const expected = new URL(origin.fileUrl);
    return parsed.pathname === expected.pathname;
  }
  if (origin.devOrigin !== undefined) {
    return parsed.origin === new URL(origin.devOrigin).origin;
  }
  return false;
}
