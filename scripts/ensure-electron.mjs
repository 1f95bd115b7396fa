// Makes sure Electron's own program is in node_modules/electron before `npm start` (the `prestart`
// script) and before CI starts the app (`npm run electron:download`).
//
// Electron 45 has no install script: its index.js downloads the program the first time something
// requires 'electron' for its path. electron-vite does not do that; it reads
// node_modules/electron/path.txt itself and stops with "Electron uninstall" when the file is
// missing. So this script checks what Electron's install.js checks (dist/version is this
// version, path.txt names a program that exists) and, when it is missing, runs that install.js —
// the step Electron's index.js and its `install-electron` bin run. Its download settings
// (ELECTRON_MIRROR, ELECTRON_GET_USE_PROXY, ...) apply as they are. Exits 0 when the program is
// there, 1 with what to do when it is not.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function electronPackageDir() {
  try {
    // Resolved from this file, so it is the Electron of the project this script belongs to.
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The installed program of exactly this Electron version, or null. */
function installedProgram(dir, version) {
  const distVersion = readText(join(dir, 'dist', 'version'));
  const relativePath = readText(join(dir, 'path.txt'));
  if (distVersion === null || relativePath === null || relativePath === '') return null;
  if (distVersion.trim().replace(/^v/, '') !== version) return null;
  const program = join(dir, 'dist', relativePath);
  return existsSync(program) ? program : null;
}

function failure(version, detail) {
  return [
    '',
    `npm start needs Electron ${version}'s program, which is downloaded once into`,
    `node_modules/electron/dist; ${detail}.`,
    '  - Check the internet connection, then run `npm start` again',
    '    (or `npm run electron:download` to download it alone).',
    '  - Behind an HTTP proxy: set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY to the proxy, for',
    '    example HTTPS_PROXY=http://proxy.example:8080, and run it again.',
    "  - From a mirror of Electron's releases: set ELECTRON_MIRROR to its address (ending in /).",
    '`npm test` and `npm run build` do not need this program.',
    '',
  ].join('\n');
}

function main() {
  // electron-vite's own setting for an Electron program kept elsewhere: then nothing is needed here.
  const override = process.env.ELECTRON_EXEC_PATH;
  if (override && existsSync(override)) return 0;

  const dir = electronPackageDir();
  if (dir === null) {
    console.error('The electron package is not installed: run `npm install` first.');
    return 1;
  }
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (installedProgram(dir, version) !== null) return 0;

  console.log(`Downloading Electron ${version} (once; later starts use it from node_modules)…`);
  const install = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'inherit' });
  if (install.error) {
    console.error(failure(version, `its download could not run (${install.error.message})`));
    return 1;
  }
  if (install.status !== 0) {
    console.error(failure(version, 'the download failed (its error is above)'));
    return 1;
  }
  if (installedProgram(dir, version) === null) {
    console.error(failure(version, 'the download ended but the program is not there'));
    return 1;
  }
  console.log(`Electron ${version} is ready.`);
  return 0;
}

process.exit(main());
