// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, so the shipped
// app cannot be turned into a general Node runtime or debugged by a command-line flag.
const path = require('node:path');

const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** The fuse settings, exported so a test can pin them. */
const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would let anyone run arbitrary scripts with the app's identity.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would expose the main process (and its secrets) to a debugger.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Load the app only from the (integrity-checked) asar, never from a loose folder beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The renderer is served from the app's own scheme (main/windows/app-protocol.ts), so file://
  // pages need none of their extra privileges (reading other files).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Where the Electron binary sits inside the packed app, per platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${name}.app`);
    case 'win32':
      return path.join(appOutDir, `${name}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

async function afterPack(context) {
  await flipFuses(electronBinaryPath(context), {
    ...FUSES,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
