// Set by server.ts, which rewrites forwarded headers before Next.js sees a request. Without it
// (a bare `next start`), X-Forwarded-For is whatever the client sent, so no address is trusted.
const FLAG = Symbol.for('dangjian-portal.edge');

export function markEdgeActive(): void {
  (globalThis as Record<symbol, unknown>)[FLAG] = true;
}

export const edgeActive = (): boolean => (globalThis as Record<symbol, unknown>)[FLAG] === true;
