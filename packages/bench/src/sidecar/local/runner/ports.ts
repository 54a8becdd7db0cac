import { createServer } from 'node:net';
import { PortInUseError } from './errors';

/** Servers listen on loopback only: nothing local is reachable from the network. */
export const LOOPBACK = '127.0.0.1';

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/** A loopback port that is free right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return listenOnce(0);
}

/** Throws PortInUseError when `port` on loopback is taken. */
export async function assertPortFree(port: number, server: string): Promise<void> {
  try {
    await listenOnce(port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(port, server);
    throw err;
  }
}
