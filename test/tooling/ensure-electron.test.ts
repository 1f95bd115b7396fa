import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * scripts/ensure-electron.mjs, the `prestart` script, in a stand-in project: a copy of the script
 * next to a fake node_modules/electron whose install.js (the download step Electron's index.js
 * runs) is a stub that records each call and, as told by FAKE_DOWNLOAD, lays out what Electron's
 * real install.js leaves (dist/<program>, dist/version, path.txt), fails like a machine without
 * internet access, or leaves nothing. The real download cannot run here.
 */
const ROOT = resolve(__dirname, '../..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const ELECTRON_VERSION = '45.5.0';

const STUB_INSTALL = `
const fs = require('fs');
const path = require('path');
fs.appendFileSync(path.join(__dirname, '..', '..', 'install-calls.log'), 'install.js\\n');
const mode = process.env.FAKE_DOWNLOAD;
if (mode === 'offline') {
  console.error('TypeError: fetch failed (getaddrinfo ENOTFOUND)');
  process.exit(1);
}
if (mode === 'ok') {
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), 'the program');
  fs.writeFileSync(path.join(__dirname, 'dist', 'version'), '${ELECTRON_VERSION}');
  fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
}
`;

// What electron-vite 6 does before it starts Electron (getElectronPath in its dist/chunks/lib-*.js):
// read node_modules/electron/path.txt, and stop with "Electron uninstall" when it is missing.
const ELECTRON_VITE_STAND_IN = `
const fs = require('fs');
const file = 'node_modules/electron/path.txt';
if (!fs.existsSync(file)) throw new Error('Electron uninstall');
console.log('starting ' + fs.readFileSync(file, 'utf8'));
`;

let scratch: string;
let project: string;
let electronDir: string;

function installCalls(): number {
  const log = join(project, 'install-calls.log');
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
}

function installed(version = ELECTRON_VERSION, pathTxt = 'electron', program = true): void {
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  if (program) writeFileSync(join(electronDir, 'dist', 'electron'), 'the program');
  writeFileSync(join(electronDir, 'dist', 'version'), version);
  writeFileSync(join(electronDir, 'path.txt'), pathTxt);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('ELECTRON_EXEC_PATH' in env)) delete childEnv.ELECTRON_EXEC_PATH;
  const result = spawnSync(command, args, { cwd: project, env: childEnv, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ensureElectron(download: 'ok' | 'offline' | 'nothing', env: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, ['scripts/ensure-electron.mjs'], {
    FAKE_DOWNLOAD: download,
    ...env,
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ensure-electron-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  project = join(scratch, 'project');
  electronDir = join(project, 'node_modules', 'electron');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(join(project, 'scripts'), { recursive: true });
  mkdirSync(electronDir, { recursive: true });
  copyFileSync(
    join(ROOT, 'scripts', 'ensure-electron.mjs'),
    join(project, 'scripts', 'ensure-electron.mjs'),
  );
  writeFileSync(
    join(electronDir, 'package.json'),
    JSON.stringify({ name: 'electron', version: ELECTRON_VERSION, main: 'index.js' }),
  );
  writeFileSync(join(electronDir, 'install.js'), STUB_INSTALL);
  writeFileSync(join(project, 'electron-vite-stand-in.cjs'), ELECTRON_VITE_STAND_IN);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'stand-in',
      private: true,
      scripts: { prestart: PACKAGE.scripts.prestart, start: 'node electron-vite-stand-in.cjs' },
    }),
  );
});

describe('scripts/ensure-electron.mjs (prestart: Electron is there before electron-vite looks)', () => {
  it('is what `npm start` runs first, and what `npm run electron:download` runs', () => {
    expect(PACKAGE.scripts.prestart).toBe('node scripts/ensure-electron.mjs');
    expect(PACKAGE.scripts['electron:download']).toBe(PACKAGE.scripts.prestart);
  });

  it('on a fresh install, `npm start` downloads Electron once and then finds it', () => {
    const first = run('npm', ['start'], { FAKE_DOWNLOAD: 'ok' });
    expect(first.stderr).not.toContain('Electron uninstall');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Downloading Electron ${ELECTRON_VERSION}`);
    expect(first.stdout).toContain('starting electron');
    expect(installCalls()).toBe(1);

    const second = run('npm', ['start'], { FAKE_DOWNLOAD: 'ok' });
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('Downloading');
    expect(installCalls()).toBe(1);
  });

  it("does not download when this version's program and path.txt are there", () => {
    installed();
    const result = ensureElectron('ok');
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(installCalls()).toBe(0);
  });

  it.each([
    [
      'path.txt is missing',
      () => {
        installed();
        rmSync(join(electronDir, 'path.txt'));
      },
    ],
    [
      'path.txt names a program that is not there',
      () => installed(ELECTRON_VERSION, 'electron', false),
    ],
    ['the program is from another Electron version', () => installed('44.0.0')],
  ])('downloads when %s', (_case, arrange) => {
    arrange();
    const result = ensureElectron('ok');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Electron ${ELECTRON_VERSION} is ready.`);
    expect(installCalls()).toBe(1);
  });

  it('without internet access, stops `npm start` before electron-vite and says what to do', () => {
    const result = run('npm', ['start'], { FAKE_DOWNLOAD: 'offline' });
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain('starting');
    expect(result.stderr).not.toContain('Electron uninstall');
    // The download's own error, then the plain explanation with Electron's documented settings.
    expect(result.stderr).toContain('getaddrinfo ENOTFOUND');
    expect(result.stderr).toContain(`npm start needs Electron ${ELECTRON_VERSION}'s program`);
    expect(result.stderr).toContain('Check the internet connection');
    expect(result.stderr).toContain('ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY');
    expect(result.stderr).toContain('ELECTRON_MIRROR');
    expect(installCalls()).toBe(1);
  });

  it('fails with the explanation when the download step ends without leaving the program', () => {
    const result = ensureElectron('nothing');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the download ended but the program is not there');
  });

  it("leaves it to electron-vite when ELECTRON_EXEC_PATH names an existing program (electron-vite's own setting)", () => {
    const program = join(scratch, 'electron-elsewhere');
    writeFileSync(program, 'another program');
    const result = ensureElectron('ok', { ELECTRON_EXEC_PATH: program });
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(installCalls()).toBe(0);
  });

  it('says to run npm install when the electron package is not installed at all', () => {
    rmSync(join(project, 'node_modules'), { recursive: true, force: true });
    const result = ensureElectron('ok');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run `npm install` first');
  });
});
