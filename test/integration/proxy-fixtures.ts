import net from 'node:net';

// A TCP proxy to PostgreSQL that can be frozen: it keeps accepting connections and reading
// bytes, but forwards nothing, as a server stopped with SIGSTOP would behave (the kernel still
// accepts and buffers). Freezing the shared server itself would stall everyone's tests.

type Pair = { client: net.Socket; upstream: net.Socket; held: { toServer: Buffer[]; toClient: Buffer[] } };

export type FreezableProxy = {
  port: number;
  freeze: () => void;
  /** Forwards what was held, in order, and everything after it. */
  thaw: () => void;
  /** Closes every connection, as a restarted server would. */
  dropConnections: () => void;
  close: () => Promise<void>;
};

export async function freezableProxy(target: { host: string; port: number }): Promise<FreezableProxy> {
  let frozen = false;
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair: Pair = { client, upstream, held: { toServer: [], toClient: [] } };
    pairs.add(pair);
    client.on('data', (chunk) => (frozen ? pair.held.toServer.push(chunk) : upstream.write(chunk)));
    upstream.on('data', (chunk) => (frozen ? pair.held.toClient.push(chunk) : client.write(chunk)));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  const dropConnections = () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => (frozen = true),
    thaw() {
      frozen = false;
      for (const { client, upstream, held } of pairs) {
        for (const chunk of held.toServer.splice(0)) upstream.write(chunk);
        for (const chunk of held.toClient.splice(0)) client.write(chunk);
      }
    },
    dropConnections,
    async close() {
      dropConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
