import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CONTENT_SECURITY_POLICY } from '../../../main/security/content-security-policy';
import { APP_INDEX_URL, createAppProtocolHandler } from '../../../main/windows/app-protocol';

let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  await mkdir(join(root, 'renderer/assets'), { recursive: true });
  await writeFile(join(root, 'renderer/index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'renderer/assets/index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'renderer/assets/notes.txt'), 'not shipped');
  await writeFile(join(root, 'secret.json'), '{"secret":true}');
  serve = createAppProtocolHandler(join(root, 'renderer'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string) => serve(new Request(url));

describe('the app:// scheme that serves the renderer', () => {
  it('serves the page and its assets with their types and the app’s CSP', async () => {
    const page = await get(APP_INDEX_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>app</title>');
    const script = await get('app://renderer/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('never leaves the renderer folder, however the path is spelled', async () => {
    for (const url of [
      'app://renderer/%2e%2e/secret.json',
      'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.json',
      'app://renderer/..%2fsecret.json',
      'app://renderer/%2e%2e%5csecret.json',
    ]) {
      const answer = await get(url);
      expect([403, 404], url).toContain(answer.status);
      expect(await answer.text()).not.toContain('secret');
    }
  });

  it('refuses another host, another method, a missing file and a type the renderer does not ship', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await serve(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
    expect((await get('app://renderer/missing.js')).status).toBe(404);
    expect((await get('app://renderer/assets/notes.txt')).status).toBe(404);
    expect((await get('app://renderer/%E0%A4%A')).status).toBe(404);
  });
});
