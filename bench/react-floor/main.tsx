// The smallest React page with the first screen's main action: what React itself costs to start,
// built like the renderer, for renderer.interactive_react_floor_ms.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<button type="button">Try it with a local sandbox</button>);
