import { createServer, type Server } from 'node:net';

/**
 * Call inside a describe block: during each of its tests a listening server holds a loopback port, as another program
 * would, so a test can show what a start on a port in use reports. Read `.port` inside the test.
 */
export function portInUseDuringEachTest(): { readonly port: number } {
  const held = { port: 0 };
  let blocker: Server;
  beforeEach(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    held.port = (blocker.address() as { port: number }).port;
  });
  afterEach(() => new Promise<void>((r) => blocker.close(() => r())));
  return held;
}
