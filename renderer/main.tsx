import { ensureBooted } from './state/boot';
import './styles.css';

// Main's first answers (app info, Stytch status, settings) are asked for before React DOM and
// the screens run: the round trips to main overlap that code's loading (the page preloads its
// chunk beside this entry: electron.vite.config.mts), compiling and first render, instead of
// following them. The entry holds only the boot state for this.
ensureBooted();
const root = document.getElementById('root');
if (root) {
  import('./AppMount')
    .then(({ mountApp }) => mountApp(root))
    .catch(() => {
      // Only a broken install gets here (the chunk is a local file); say so rather than stay blank.
      root.textContent = 'The assistant could not load its screens. Reinstall or restart the app.';
    });
}
