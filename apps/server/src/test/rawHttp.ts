/**
 * Raw HTTP for the abuse tests: any body, any headers, and a chosen loopback
 * source address (127.0.0.x) so one test can knock from several "addresses".
 */
import http from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly json: Record<string, unknown>;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** A JSON value, or a string/Buffer sent as is. */
  readonly body?: unknown;
  /** Loopback source address, 127.0.0.1 by default. */
  readonly from?: string;
}

export function rawRequest(port: number, path: string, request: RawRequest = {}): Promise<RawAnswer> {
  const body = request.body === undefined
    ? undefined
    : typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: request.method ?? 'POST',
      localAddress: request.from ?? '127.0.0.1',
      headers: { 'content-type': 'application/json', ...request.headers },
      agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = { text };
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
      });
    });
    // A server that refuses a large body closes the connection: a client still sending it may see
    // the reset before the answer. That reads as status -1.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: -1, headers: {}, json: { reset: error.code } });
      else reject(error);
    });
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

/** The open rooms the server reports on /health. */
export async function roomCount(port: number): Promise<number> {
  const answer = await rawRequest(port, '/health', { method: 'GET' });
  return answer.json['rooms'] as number;
}
