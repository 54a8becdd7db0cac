import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultBinaries, writeVariantLayout } from '../../../packages/bench/src/sidecar/local/runner/layout';
import { defaultRenderOptions, renderVariantImages } from '../../../src/sidecar/render';
import { type SidecarVariantName, sidecarVariantNames, variantSpec } from '../../../src/sidecar/variants';

/**
 * The rendered configs against the real Debian programs: nginx -t, gunicorn --check-config and supervisord's own
 * config parser, for the images' files and for the local runner's.
 */

const env = { PATH: '/usr/sbin:/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' };
const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
};

/**
 * nginx with stdout on a file, as in a container where stdout is a pipe: the images log to /dev/stdout, which
 * cannot be reopened when stdout is the socket node's spawnSync gives a child.
 */
const runNginxTest = (prefix: string, conf: string) => {
  const stdoutFile = join(prefix, 'stdout.log');
  const fd = openSync(stdoutFile, 'w');
  try {
    const r = spawnSync(defaultBinaries.nginx, ['-t', '-p', `${prefix}/`, '-c', conf], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', fd, 'pipe'],
    });
    return { status: r.status, output: `${readFileSync(stdoutFile, 'utf8')}${r.stderr}` };
  } finally {
    closeSync(fd);
  }
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sidecar-tools-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
const freshDir = () => {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  return dir;
};

const filesOf = (variant: SidecarVariantName, quietDatadogAgentLogs: boolean) => {
  const merged = new Map<string, string>();
  for (const img of renderVariantImages(variant, { quietDatadogAgentLogs }))
    for (const [k, v] of img.files) merged.set(k, v);
  return (name: string) => merged.get(name) as string;
};

const cases = sidecarVariantNames.flatMap((variant) => [false, true].map((quiet) => [variant, quiet] as const));

describe('nginx -t', () => {
  it.each(cases)('accepts the %s image config (quietDatadogAgentLogs %s)', (variant, quiet) => {
    const prefix = freshDir();
    mkdirSync(join(prefix, 'temp'));
    writeFileSync(join(prefix, 'nginx.conf'), filesOf(variant, quiet)('nginx.conf'));
    const r = runNginxTest(prefix, join(prefix, 'nginx.conf'));
    expect(r.output).toContain('test is successful');
    expect(r.status).toBe(0);
  });

  it.each(cases)('accepts the local runner config of %s (quietDatadogAgentLogs %s)', (variant, quiet) => {
    const dir = freshDir();
    writeVariantLayout({
      variant: variantSpec(variant),
      dir,
      port: 18080,
      appPort: 18000,
      render: { ...defaultRenderOptions, quietDatadogAgentLogs: quiet },
      binaries: defaultBinaries,
    });
    const r = runNginxTest(join(dir, 'nginx'), join(dir, 'nginx', 'nginx.conf'));
    expect(r.output).toContain('test is successful');
    expect(r.status).toBe(0);
  });

  it('rejects a broken config, so the checks above can fail', () => {
    const prefix = freshDir();
    mkdirSync(join(prefix, 'temp'));
    writeFileSync(
      join(prefix, 'nginx.conf'),
      filesOf('tcp', false)('nginx.conf').replace('keepalive 16;', 'keepalive sixteen;'),
    );
    const r = runNginxTest(prefix, join(prefix, 'nginx.conf'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('invalid value "sixteen"');
  });
});

/** Loads a gunicorn config the way gunicorn does and reports what it resolved (the worker class is imported). */
const GUNICORN_PROBE = `
import json, sys
from gunicorn.app.base import Application
class Probe(Application):
    def init(self, parser, opts, args): pass
    def load(self): pass
    def load_config(self): self.load_config_from_file(sys.argv[1])
cfg = Probe().cfg
wc = cfg.worker_class
print(json.dumps({"bind": cfg.bind, "workers": cfg.workers, "worker_class": wc.__module__ + "." + wc.__name__,
                  "wsgi_app": cfg.wsgi_app, "umask": cfg.umask, "keepalive": cfg.keepalive}))
`;

describe('gunicorn', () => {
  it.each(sidecarVariantNames)('loads the %s image config and imports the app', (variant) => {
    const dir = freshDir();
    const file = filesOf(variant, false);
    writeFileSync(join(dir, 'app.py'), file('app.py'));
    // The image's file with its app directory moved here (chdir is the only absolute path in it).
    const conf = file('gunicorn.conf.py').replace('chdir = "/app"', `chdir = "${dir}"`);
    expect(conf).toContain(`chdir = "${dir}"`);
    writeFileSync(join(dir, 'gunicorn.conf.py'), conf);

    const check = run(defaultBinaries.gunicorn, ['--check-config', '--config', join(dir, 'gunicorn.conf.py')]);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);

    const probe = run(defaultBinaries.python, ['-c', GUNICORN_PROBE, join(dir, 'gunicorn.conf.py')]);
    expect(probe.status).toBe(0);
    expect(JSON.parse(probe.output)).toEqual({
      bind: [variant === 'tcp' ? '127.0.0.1:8000' : 'unix:/run/sidecar/gunicorn.sock'],
      workers: 1,
      worker_class: 'uvicorn.workers.UvicornWorker',
      wsgi_app: 'app:app',
      umask: 0o007,
      keepalive: 75,
    });
  });

  it('fails --check-config when the app cannot be imported', () => {
    const dir = freshDir();
    const file = filesOf('tcp', false);
    writeFileSync(
      join(dir, 'app.py'),
      file('app.py').replace('from starlette.routing', 'from starlette.no_such_module'),
    );
    writeFileSync(
      join(dir, 'gunicorn.conf.py'),
      file('gunicorn.conf.py').replace('chdir = "/app"', `chdir = "${dir}"`),
    );
    const check = run(defaultBinaries.gunicorn, ['--check-config', '--config', join(dir, 'gunicorn.conf.py')]);
    expect(check.status).not.toBe(0);
    expect(check.output).toContain("No module named 'starlette.no_such_module'");
  });
});

/** supervisord's own parser (what `supervisord -c` runs before starting anything). */
const SUPERVISOR_PROBE = `
import json, sys
from supervisor.options import ServerOptions
o = ServerOptions()
o.realize(args=["-c", sys.argv[1]])
print(json.dumps({"nodaemon": o.nodaemon, "programs": [
    {"name": p.name, "command": p.command, "priority": p.priority, "stopsignal": int(p.stopsignal)}
    for g in o.process_group_configs for p in g.process_configs]}))
`;

describe('supervisord', () => {
  it('parses the combined image config', () => {
    const dir = freshDir();
    // The pid file's directory exists only in the image; the parser insists on it.
    const conf = filesOf(
      'combined',
      false,
    )('supervisord.conf').replace('pidfile=/var/lib/supervisor-sidecar/', `pidfile=${dir}/`);
    writeFileSync(join(dir, 'supervisord.conf'), conf);
    const r = run(defaultBinaries.python, ['-c', SUPERVISOR_PROBE, join(dir, 'supervisord.conf')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.output)).toEqual({
      nodaemon: true,
      programs: [
        { name: 'app', command: '/usr/bin/gunicorn --config /app/gunicorn.conf.py', priority: 10, stopsignal: 15 },
        {
          name: 'nginx',
          command: '/usr/sbin/nginx -p /var/lib/nginx-sidecar/ -c /etc/nginx/sidecar.conf',
          priority: 20,
          stopsignal: 3,
        },
      ],
    });
  });

  it('parses the local runner config of combined, with the Debian binaries', () => {
    const dir = freshDir();
    writeVariantLayout({
      variant: variantSpec('combined'),
      dir,
      port: 18080,
      appPort: 18000,
      render: defaultRenderOptions,
      binaries: defaultBinaries,
    });
    const r = run(defaultBinaries.python, ['-c', SUPERVISOR_PROBE, join(dir, 'supervisord.conf')]);
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.output) as { programs: { name: string; command: string }[] };
    expect(parsed.programs.map((p) => p.name)).toEqual(['app', 'nginx']);
    expect(parsed.programs[0].command).toBe(`/usr/bin/gunicorn --config ${dir}/app/gunicorn.conf.py`);
    expect(parsed.programs[1].command).toBe(`/usr/sbin/nginx -p ${dir}/nginx/ -c ${dir}/nginx/nginx.conf`);
  });

  it('rejects a config with an unknown option value, so the checks above can fail', () => {
    const dir = freshDir();
    const conf = filesOf(
      'combined',
      false,
    )('supervisord.conf')
      .replace('pidfile=/var/lib/supervisor-sidecar/', `pidfile=${dir}/`)
      .replace('stopsignal=QUIT', 'stopsignal=NOPE');
    writeFileSync(join(dir, 'supervisord.conf'), conf);
    const r = run(defaultBinaries.python, ['-c', SUPERVISOR_PROBE, join(dir, 'supervisord.conf')]);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/NOPE/);
  });
});
