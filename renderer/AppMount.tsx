import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';

/** Renders the app into the page's root (main.tsx loads this after asking main its first questions). */
export function mountApp(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
