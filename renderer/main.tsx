import { askFirstReads } from './state/first-reads';
import './styles.css';

// Main's first answers (app info, Stytch status, settings) are asked for before React DOM, the
// stores and the screens run: the round trips to main overlap that code's loading (the page
// preloads it beside this entry: electron.vite.config.mts), compiling and first render, instead
// of following them. The entry holds only the bridge for this.
askFirstReads();
const root = document.getElementById('root');
if (root) {
  import('./AppMount')
    .then(({ mountApp }) => mountApp(root))
    .catch(() => {
      // Only a broken install gets here (the chunk is a local file); say so rather than stay blank.
      root.textContent = 'The assistant could not load its screens. Reinstall or restart the app.';
    });
}
