import { ensureBooted } from './state/boot';
import './styles.css';

// Main's first answers (app info, Stytch status, settings) are asked for before React DOM and
// the screens are even loaded: the round trips to main run while that code downloads, compiles
// and renders "Loading", instead of after it. The entry holds only the boot state for this.
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
