// The unit tier runs in process: no servers, no Terraform, no buildah, no built CLI. While a unit test file runs,
// every way of starting a child process is replaced with one that throws, so a unit test that starts one fails at
// once and names the tier it belongs in, rather than passing on a machine that happens to have the tool. esbuild is
// the exception: the Lambda bundles are built in process through esbuild's API, which runs its own binary as a
// helper. Node's built-in modules are shared by every test file a jest worker runs, whatever its tier, so the
// originals come back when the file is done (afterAll).
import childProcess from 'node:child_process';

const ALLOWED = /(^|[\\/])esbuild(\.exe)?$/;
const METHODS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

const originals = new Map(METHODS.map((m) => [m, childProcess[m]] as const));
for (const method of METHODS) {
  const original = originals.get(method) as (...args: unknown[]) => unknown;
  Object.defineProperty(childProcess, method, {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      const command = String(args[0]);
      if (ALLOWED.test(command)) return original(...args);
      throw new Error(
        `unit tier: this test runs \`${command.split(' ')[0]}\` as a child process (child_process.${method}). ` +
          'Unit tests run in process; a test that needs a real tool belongs in the native, terraform or images tier ' +
          '(test/tiers.js).',
      );
    },
  });
}

afterAll(() => {
  for (const [method, original] of originals)
    Object.defineProperty(childProcess, method, { configurable: true, writable: true, value: original });
});
