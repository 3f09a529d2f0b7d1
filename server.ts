import http from 'node:http';
import next from 'next';
import { env } from './lib/env';
import { markEdgeActive } from './lib/http/edge-flag';
import { applyForwarded, resolveForwarded } from './lib/http/forwarded';
import { type Refusal, refusalHeaders, refusalHtml } from './lib/http/refusal-page';
import { screenRequest } from './lib/http/screen';
import { sendSharedPagesWhole } from './lib/http/whole-body';
import { requestBodyLimitBytes } from './lib/media/limits';

// The portal's HTTP server: Next.js behind a thin edge that (1) decides the client address and
// scheme from the socket, or from trusted proxies only (TRUST_PROXY_HOPS), and (2) refuses
// malformed or hostile requests with a proper 4xx page instead of Next.js's bare 500, and (3)
// sends shared pages whole, with a Content-Length (lib/http/whole-body.ts).
// `npm start` runs it; so do the e2e suite and the bench.

const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
const handle = app.getRequestHandler();

function refuse(response: http.ServerResponse, refusal: Refusal, head: boolean) {
  const body = Buffer.from(refusalHtml(refusal));
  response.writeHead(refusal.status, refusalHeaders(refusal, body.length));
  response.end(head ? undefined : body);
}

await app.prepare();
markEdgeActive();

/** `accept` runs only for requests that pass the screen (it sends 100 Continue when asked for). */
function serve(request: http.IncomingMessage, response: http.ServerResponse, accept?: () => void) {
  const forwarded = resolveForwarded({
    socketAddress: request.socket.remoteAddress,
    encrypted: 'encrypted' in request.socket && request.socket.encrypted === true,
    headers: request.headers,
    trustedHops: env.TRUST_PROXY_HOPS,
  });
  applyForwarded(request.headers, forwarded);
  const refusal = screenRequest({
    method: request.method ?? 'GET',
    url: request.url ?? '/',
    headers: request.headers,
    host: forwarded.host,
    maxBodyBytes: requestBodyLimitBytes,
  });
  if (refusal) {
    // A client waiting for 100 Continue never sends its body: close instead of waiting for it.
    // Any other body is discarded by Node.js after the answer, so the client reads the page.
    if (accept) response.setHeader('Connection', 'close');
    return refuse(response, refusal, request.method === 'HEAD');
  }
  accept?.();
  sendSharedPagesWhole(response, request.method);
  handle(request, response).catch((error: unknown) => {
    console.error('[server] request failed', error);
    if (!response.headersSent) refuse(response, { status: 503, title: '服务暂不可用', message: '服务器暂时无法处理您的请求，请稍后再试。', retryAfterSeconds: 5 }, false);
    else response.destroy();
  });
}

const server = http.createServer((request, response) => serve(request, response));
// A client announcing a large body waits for 100 Continue: refuse before it sends the body.
server.on('checkContinue', (request, response) => serve(request, response, () => response.writeContinue()));

const listening = () => console.log(`[portal] listening on http://${env.BIND_HOST ?? 'localhost'}:${env.PORT}`);
if (env.BIND_HOST) server.listen(env.PORT, env.BIND_HOST, listening);
else server.listen(env.PORT, listening);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    // Open keep-alive connections would hold the process; the database closes on exit.
    setTimeout(() => process.exit(0), 2000).unref();
    void app.close().finally(() => process.exit(0));
  });
}
