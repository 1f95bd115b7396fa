// React plus the three answers from main the app's first screen waits for, asked for in parallel
// before React DOM runs (its chunk preloaded beside this entry), as the app does: the smallest
// page that has to wait for both, for renderer.interactive_ipc_floor_ms.
const { assistant } = window as unknown as {
  assistant: { invoke(channel: string, request: object): Promise<unknown> };
};
const answered = Promise.all(
  ['app:info', 'stytch:status', 'settings:get'].map((channel) => assistant.invoke(channel, {})),
);
const root = document.getElementById('root');
if (root) {
  void import('react-dom/client').then(async ({ createRoot }) => {
    const reactRoot = createRoot(root);
    await answered;
    reactRoot.render(<button type="button">Try it with a local sandbox</button>);
  });
}
