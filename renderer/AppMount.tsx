import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { App } from './App';
import { ensureBooted } from './state/boot';

/**
 * Renders the app into the page's root (main.tsx loads this after asking main its first
 * questions). Booting first takes those answers: when they are in before React's first render,
 * that render is already the first screen, not "Loading…" and a second render.
 */
export function mountApp(container: HTMLElement): Root {
  ensureBooted();
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return root;
}
