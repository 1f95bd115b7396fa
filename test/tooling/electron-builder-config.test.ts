import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const require = createRequire(__filename);

function builderConfig(): Record<string, unknown> {
  return load(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;
}

function validate(config: unknown): string[] {
  const schema = JSON.parse(
    readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const check = ajv.compile(schema);
  return check(config)
    ? []
    : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    expect(validate(builderConfig())).toEqual([]);
  });

  it('would be rejected by the same check if it carried an unknown option (the check can fail)', () => {
    expect(validate({ ...builderConfig(), notAnOption: true }).length).toBeGreaterThan(0);
  });

  it('packages mac (dmg+zip, hardened runtime), windows (nsis) and linux (AppImage+deb)', () => {
    const config = builderConfig() as {
      appId: string;
      mac: { target: string[]; hardenedRuntime: boolean; entitlements: string };
      win: { target: string[] };
      linux: { target: string[] };
      asarUnpack: string[];
      afterPack: string;
    };
    expect(config.appId).toBe('com.scimsetupassistant.app');
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(readFileSync(resolve(ROOT, config.mac.entitlements), 'utf8')).toContain(
      'com.apple.security.cs.allow-jit',
    );
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.asarUnpack.some((glob) => glob.includes('keytar'))).toBe(true);
    expect(config.afterPack).toBe('build/after-pack.cjs');
  });
});

describe('build/after-pack.cjs', () => {
  it('turns off RunAsNode, NODE_OPTIONS, inspect flags and file:// extra privileges, and loads only from asar', () => {
    const { FUSES } = require(resolve(ROOT, 'build/after-pack.cjs')) as {
      FUSES: Record<string, unknown>;
    };
    const { FuseV1Options } = require('@electron/fuses') as {
      FuseV1Options: Record<string, number>;
    };
    const fuse = (name: string): unknown => FUSES[String(FuseV1Options[name])];
    expect(fuse('RunAsNode')).toBe(false);
    expect(fuse('EnableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(fuse('EnableNodeCliInspectArguments')).toBe(false);
    expect(fuse('OnlyLoadAppFromAsar')).toBe(true);
    expect(fuse('GrantFileProtocolExtraPrivileges')).toBe(false);
  });

  it('finds the Electron binary where electron-builder puts it on each platform', () => {
    const { electronBinaryPath } = require(resolve(ROOT, 'build/after-pack.cjs')) as {
      electronBinaryPath: (context: object) => string;
    };
    const packager = {
      appInfo: { productFilename: 'SCIM Setup Assistant' },
      executableName: 'scim-setup-assistant',
    };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(
      '/o/SCIM Setup Assistant.app',
    );
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(
      '/o/SCIM Setup Assistant.exe',
    );
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(
      '/o/scim-setup-assistant',
    );
  });
});
