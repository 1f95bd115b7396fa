import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

import type { Dispatch, EmitEvent } from '../../main/ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../main/security/content-security-policy';

/** A running bridge: the built renderer and the app's handlers, over loopback HTTP. */
export interface Bridge {
  url: string;
  /** Pushes an event to every page connected to the bridge. */
  emit: EmitEvent;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const MAX_BODY_BYTES = 1_000_000;

/**
 * Starts the end-to-end test host. It stands in for Electron's IPC only: requests go through
 * the very dispatcher (and so the same handler table, request parsing and error handling) that
 * `registerIpc` wires in the app. The page gets `window.assistant` from `installBridgeAssistant`.
 */
export async function startBridge(options: {
  rendererDir: string;
  dispatch: Dispatch;
}): Promise<Bridge> {
  const eventStreams = new Set<http.ServerResponse>();
  const emit: EmitEvent = (event, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bridge');
    if (url.pathname === '/__bridge/events') return openEventStream(response, eventStreams);
    if (url.pathname.startsWith('/__bridge/invoke/') && request.method === 'POST') {
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/invoke/'.length));
      return void answerInvoke(request, response, channel, options.dispatch, emit);
    }
    return void serveStatic(options.rendererDir, url.pathname, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    emit,
    close: async () => {
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function openEventStream(response: http.ServerResponse, streams: Set<http.ServerResponse>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  response.write(': connected\n\n');
  streams.add(response);
  response.on('close', () => streams.delete(response));
}

async function answerInvoke(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  channel: string,
  dispatch: Dispatch,
  emit: EmitEvent,
): Promise<void> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      response.writeHead(413).end();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    body = Symbol('unparseable');
  }
  const result = await dispatch(channel, body, emit);
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(result));
}

async function serveStatic(
  root: string,
  pathname: string,
  response: http.ServerResponse,
): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
  const file = join(root, relative);
  if (!file.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(response);
}
