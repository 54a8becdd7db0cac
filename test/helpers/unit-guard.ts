// The unit tier runs in process: no servers, no Terraform, no buildah, no built CLI. Every way of starting a child
// process is replaced with one that throws, so a unit test that starts one fails at once and names the tier it
// belongs in, rather than passing on a machine that happens to have the tool. esbuild is the exception: the
// Lambda bundles are built in process through esbuild's API, which runs its own binary as a helper.
import childProcess from 'node:child_process';

const ALLOWED = /(^|[\\/])esbuild(\.exe)?$/;
const METHODS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

for (const method of METHODS) {
  const original = childProcess[method] as (...args: unknown[]) => unknown;
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
