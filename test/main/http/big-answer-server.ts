import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** 50 MB, far past any limit main sets. */
export const BIG_ANSWER_BYTES = 50 * 1024 * 1024;

const MEBIBYTE = Buffer.alloc(1024 * 1024, 'a');

/** A loopback server whose routes answer with 50 MB, and what became of the last one it sent. */
export interface BigAnswerServer {
  url: string;
  /** Resolves when the last big answer's connection closed: true when all 50 MB went out first. */
  lastAnswerFinished(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Starts the server. `declareLength` says whether the answer carries a Content-Length (an honest
 * server) or is sent chunked (so only counting the bytes as they come can catch it). The body is
 * valid JSON, so a client without a limit would accept it.
 */
export async function startBigAnswerServer(
  body: { prefix: string; suffix: string },
  declareLength: boolean,
): Promise<BigAnswerServer> {
  let finished: Promise<boolean> = Promise.resolve(false);
  const server = http.createServer((request, response) => {
    request.resume();
    const padding = BIG_ANSWER_BYTES - body.prefix.length - body.suffix.length;
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(BIG_ANSWER_BYTES) } : {}),
    });
    finished = new Promise((resolve) => {
      response.on('close', () => resolve(response.writableFinished));
    });
    response.write(body.prefix);
    let sent = 0;
    const pump = (): void => {
      while (sent < padding) {
        const chunk = MEBIBYTE.subarray(0, Math.min(MEBIBYTE.length, padding - sent));
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end(body.suffix);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    lastAnswerFinished: () => finished,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
