/**
 * The Stytch stand-in and its SCIM server in a process of their own, seeded with `count`
 * organizations, each with a connection; every `heldEvery`-th one's token is handed to the
 * parent as if the app had made it. Answers where the sandbox is; runs until killed.
 */
import { startSandbox } from '../main/sandbox/sandbox';
import { heldSeed } from './fleet-support';

process.once('message', (ask: { count: number; heldEvery: number }) => {
  const seed = heldSeed(ask.count).map((organization, index) => ({
    ...organization,
    connection: { ...organization.connection, heldByApp: index % ask.heldEvery === 0 },
  }));
  void startSandbox({ seed }).then((sandbox) => {
    process.send?.({
      apiBaseUrl: sandbox.apiBaseUrl,
      projectId: sandbox.projectId,
      secret: sandbox.secret,
      handed: sandbox.state.takeHandedTokens(),
    });
  });
});
