import { parse } from 'yaml';
import {
  contextHash,
  defaultRenderOptions,
  renderCompose,
  renderNginxConf,
  renderVariantImages,
  type RenderedImage,
  SidecarRenderError,
} from '../../../src/sidecar/render';
import { sidecarVariantNames } from '../../../src/sidecar/variants';
import { renderTemplate, TemplateError } from '../../../src/templates/render';

const file = (img: RenderedImage, name: string) => {
  const content = img.files.get(name);
  if (content === undefined) throw new Error(`${img.name} has no ${name}`);
  return content;
};
const byContainer = (variant: (typeof sidecarVariantNames)[number], container: string) => {
  const img = renderVariantImages(variant).find((i) => i.container === container);
  if (!img) throw new Error(`${variant} has no ${container} image`);
  return img;
};

describe('renderVariantImages', () => {
  it('gives tcp and sharedvol an nginx and an app image, combined one image', () => {
    expect(renderVariantImages('tcp').map((i) => [i.name, [...i.files.keys()]])).toEqual([
      ['tcp-nginx', ['Dockerfile', 'nginx.conf']],
      ['tcp-app', ['Dockerfile', 'app.py', 'gunicorn.conf.py', 'healthcheck.py']],
    ]);
    expect(renderVariantImages('sharedvol').map((i) => i.name)).toEqual(['sharedvol-nginx', 'sharedvol-app']);
    expect(renderVariantImages('combined').map((i) => [i.name, [...i.files.keys()]])).toEqual([
      ['combined', ['Dockerfile', 'app.py', 'gunicorn.conf.py', 'healthcheck.py', 'nginx.conf', 'supervisord.conf']],
    ]);
  });

  it('proxies over loopback TCP in tcp and over the unix socket in sharedvol and combined', () => {
    const tcp = file(byContainer('tcp', 'nginx'), 'nginx.conf');
    expect(tcp).toContain('server 127.0.0.1:8000;');
    expect(file(byContainer('tcp', 'app'), 'gunicorn.conf.py')).toContain('bind = ["127.0.0.1:8000"]');
    for (const [variant, container] of [
      ['sharedvol', 'nginx'],
      ['combined', 'combined'],
    ] as const) {
      expect(file(byContainer(variant, container), 'nginx.conf')).toContain(
        'server unix:/run/sidecar/gunicorn.sock fail_timeout=0;',
      );
    }
    expect(file(byContainer('sharedvol', 'app'), 'gunicorn.conf.py')).toContain(
      'bind = ["unix:/run/sidecar/gunicorn.sock"]',
    );
    expect(file(byContainer('combined', 'combined'), 'gunicorn.conf.py')).toContain(
      'bind = ["unix:/run/sidecar/gunicorn.sock"]',
    );
  });

  it('runs the uvicorn worker class with one worker by default, and the configured count', () => {
    const conf = file(byContainer('tcp', 'app'), 'gunicorn.conf.py');
    expect(conf).toContain('worker_class = "uvicorn.workers.UvicornWorker"');
    expect(conf).toContain('workers = 1\n');
    const four = renderVariantImages('sharedvol', { workers: 4 })[1];
    expect(file(four, 'gunicorn.conf.py')).toContain('workers = 4\n');
  });

  it('keeps upstream connections alive with HTTP/1.1 and an empty Connection header, or not at all with 0', () => {
    const on = file(byContainer('tcp', 'nginx'), 'nginx.conf');
    expect(on).toMatch(/upstream app \{[^}]*keepalive 16;/);
    expect(on).toContain('proxy_http_version 1.1;');
    expect(on).toContain('proxy_set_header Connection "";');
    const off = file(renderVariantImages('tcp', { upstreamKeepalive: 0 })[0], 'nginx.conf');
    expect(off).not.toMatch(/keepalive \d+;|proxy_http_version/);
  });

  it('turns the access log off by default and skips only the Datadog Agent with quietDatadogAgentLogs', () => {
    const quietOff = file(byContainer('combined', 'combined'), 'nginx.conf');
    expect(quietOff).toContain('access_log off;');
    expect(quietOff).not.toContain('$loggable');
    const quiet = file(renderVariantImages('combined', { quietDatadogAgentLogs: true })[0], 'nginx.conf');
    expect(quiet).toMatch(/map \$http_user_agent \$loggable \{\s*"~\^Datadog Agent\/" 0;\s*default 1;\s*\}/);
    expect(quiet).toContain('access_log /dev/stdout combined if=$loggable;');
    // Only the health location stays unlogged; the http level logs.
    expect(quiet).not.toMatch(/^ {4}access_log off;$/m);
    expect(quietOff).toMatch(/^ {4}access_log off;$/m);
  });

  it('listens on the configured port, with workers and pid/temp paths relative to the prefix', () => {
    const conf = file(renderVariantImages('tcp', { listenPort: 8080, nginxWorkerProcesses: 'auto' })[0], 'nginx.conf');
    expect(conf).toContain('listen 8080;');
    expect(conf).toContain('worker_processes auto;');
    expect(conf).toContain('pid nginx.pid;');
    expect(conf).toContain('daemon off;');
    expect(conf).toContain('proxy_temp_path temp/proxy;');
    expect(conf).toContain('location = /nginx-health {');
  });

  it('builds non-root images from a pinned multi-arch base with a health check matching healthCheck', () => {
    for (const variant of sidecarVariantNames) {
      for (const img of renderVariantImages(variant)) {
        const dockerfile = file(img, 'Dockerfile');
        expect(dockerfile).toContain('FROM debian:12.11-slim\n');
        expect(dockerfile).toMatch(/^USER (www-data|app)$/m);
        expect(dockerfile).toContain(
          `HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 CMD ${JSON.stringify(img.healthCheck)}`,
        );
        for (const copied of [...img.files.keys()].filter((f) => f !== 'Dockerfile'))
          expect(dockerfile).toContain(copied);
      }
    }
    expect(byContainer('sharedvol', 'app').healthCheck).toEqual([
      '/usr/bin/python3',
      '/app/healthcheck.py',
      '--unix',
      '/run/sidecar/gunicorn.sock',
      '/healthz',
    ]);
    expect(byContainer('combined', 'combined').healthCheck).toEqual([
      '/usr/bin/python3',
      '/app/healthcheck.py',
      '--tcp',
      '127.0.0.1:8080',
      '/healthz',
    ]);
    // Every directory a container writes is declared, so ECS seeds its task volume with the directory's owner and mode.
    expect(file(byContainer('sharedvol', 'app'), 'Dockerfile')).toContain(
      'VOLUME ["/var/lib/sidecar-app","/run/sidecar"]\n',
    );
    expect(file(byContainer('tcp', 'app'), 'Dockerfile')).toContain('VOLUME ["/var/lib/sidecar-app"]\n');
    expect(file(byContainer('tcp', 'nginx'), 'Dockerfile')).toContain('VOLUME ["/var/lib/nginx-sidecar"]\n');
    expect(file(byContainer('combined', 'combined'), 'Dockerfile')).toContain(
      'VOLUME ["/var/lib/nginx-sidecar","/var/lib/sidecar-app","/var/lib/supervisor-sidecar","/run/sidecar"]\n',
    );
    for (const image of sidecarVariantNames.flatMap((v) => renderVariantImages(v))) {
      const declared = JSON.parse(/^VOLUME (.*)$/m.exec(file(image, 'Dockerfile'))![1]!) as string[];
      const written = image.writableDirs.map((d) => d.path);
      // nginx mounts sharedvol's socket volume; the app image, which starts first, declares (and seeds) it.
      expect(declared).toEqual(image.container === 'nginx' ? written.filter((p) => p !== '/run/sidecar') : written);
    }
    expect(file(byContainer('tcp', 'app'), 'Dockerfile')).toContain('TMPDIR=/var/lib/sidecar-app');
    expect(file(byContainer('combined', 'combined'), 'Dockerfile')).toContain('TMPDIR=/var/lib/sidecar-app');
  });

  it('reports the ports containers serve on', () => {
    expect(renderVariantImages('tcp').map((i) => i.containerPort)).toEqual([8080, 8000]);
    expect(renderVariantImages('sharedvol').map((i) => i.containerPort)).toEqual([8080, undefined]);
    expect(renderVariantImages('combined', { listenPort: 8443 }).map((i) => i.containerPort)).toEqual([8443]);
  });

  it('rejects options that cannot work, naming the option', () => {
    expect(() => renderVariantImages('tcp', { workers: 0 })).toThrow(/workers must be an integer from 1 to 64/);
    expect(() => renderVariantImages('tcp', { listenPort: 70000 })).toThrow(/listenPort/);
    expect(() => renderVariantImages('tcp', { listenPort: 8000 })).toThrow(/listenPort and appPort must differ/);
    expect(() => renderVariantImages('sharedvol', { socketDir: 'run/app' })).toThrow(
      /socketDir "run\/app" must be an absolute/,
    );
    expect(() => renderVariantImages('sharedvol', { socketDir: '/run/my app' })).toThrow(SidecarRenderError);
    expect(() => renderVariantImages('tcp', { baseImage: 'debian:12 ; rm -rf /' })).toThrow(/baseImage/);
    expect(() => renderVariantImages('udp' as never)).toThrow(/unknown variant "udp"/);
  });
});

describe('determinism', () => {
  it('renders the same bytes and hashes every time, with no timestamps or temp paths', () => {
    const project = () => [
      renderCompose({ quietDatadogAgentLogs: true }),
      ...sidecarVariantNames.flatMap((v) =>
        renderVariantImages(v, { quietDatadogAgentLogs: true }).flatMap((i) => [...i.files.values()]),
      ),
    ];
    const a = project();
    expect(a).toEqual(project());
    for (const content of a) {
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}|\/tmp\/|\/home\//);
    }
    for (const variant of sidecarVariantNames) {
      expect(renderVariantImages(variant).map(contextHash)).toEqual(renderVariantImages(variant).map(contextHash));
    }
  });

  it('hashes a context by file names and contents, not by map order', () => {
    const [img] = renderVariantImages('combined');
    const reversed: RenderedImage = { ...img, files: new Map([...img.files].reverse()) };
    expect(contextHash(reversed)).toBe(contextHash(img));
    expect(contextHash(img)).toMatch(/^[0-9a-f]{64}$/);
    const renamed: RenderedImage = {
      ...img,
      files: new Map([...img.files].map(([k, v]) => [k === 'app.py' ? 'main.py' : k, v])),
    };
    expect(contextHash(renamed)).not.toBe(contextHash(img));
    expect(contextHash(renderVariantImages('combined', { workers: 2 })[0])).not.toBe(contextHash(img));
    // An option that only one image uses changes only that image's tag.
    const [nginxA, appA] = renderVariantImages('tcp');
    const [nginxB, appB] = renderVariantImages('tcp', { workers: 2 });
    expect(contextHash(nginxB)).toBe(contextHash(nginxA));
    expect(contextHash(appB)).not.toBe(contextHash(appA));
  });
});

describe('strict rendering', () => {
  const templates = [
    'nginx.conf.hbs',
    'gunicorn.conf.py.hbs',
    'app.py.hbs',
    'healthcheck.py.hbs',
    'supervisord.conf.hbs',
    'Dockerfile.nginx.hbs',
    'Dockerfile.app.hbs',
    'Dockerfile.combined.hbs',
    'docker-compose.yml.hbs',
  ];

  it.each(templates)('%s fails without its variables', (name) => {
    expect(() => renderTemplate(`sidecar/${name}`, {})).toThrow(TemplateError);
  });

  it('fails on a variable used only in a condition', () => {
    const input = {
      variant: 'tcp' as const,
      listen: '80',
      upstream: { kind: 'tcp' as const, port: 8000 },
      upstreamKeepalive: 16,
      quietDatadogAgentLogs: false,
      workerProcesses: 1,
      pidFile: 'nginx.pid',
      tempDir: 'temp',
      errorLog: 'stderr',
      accessLog: '/dev/stdout',
    };
    expect(() => renderNginxConf(input)).not.toThrow();
    const { quietDatadogAgentLogs: _unused, ...missing } = input;
    expect(() => renderNginxConf(missing as typeof input)).toThrow(/"quietDatadogAgentLogs" not defined/);
  });
});

describe('renderCompose', () => {
  const compose = parse(renderCompose()) as {
    services: Record<
      string,
      {
        build: string;
        depends_on?: Record<string, { condition: string }>;
        network_mode?: string;
        ports?: string[];
        volumes?: string[];
      }
    >;
    volumes: Record<string, unknown>;
  };

  it('runs all three variants, nginx only after the app is healthy', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'combined',
      'sharedvol-app',
      'sharedvol-nginx',
      'tcp-app',
      'tcp-nginx',
    ]);
    expect(compose.services['tcp-nginx'].depends_on).toEqual({ 'tcp-app': { condition: 'service_healthy' } });
    expect(compose.services['sharedvol-nginx'].depends_on).toEqual({
      'sharedvol-app': { condition: 'service_healthy' },
    });
  });

  it('shares localhost in tcp and the socket volume in sharedvol, publishing on loopback only', () => {
    expect(compose.services['tcp-nginx'].network_mode).toBe('service:tcp-app');
    expect(compose.services['tcp-app'].ports).toEqual(['127.0.0.1:8081:8080']);
    expect(compose.services['sharedvol-app'].volumes).toEqual([
      'sharedvol-app-state:/var/lib/sidecar-app',
      'sharedvol-socket:/run/sidecar',
    ]);
    expect(compose.services['sharedvol-nginx'].volumes).toEqual([
      'sharedvol-nginx-state:/var/lib/nginx-sidecar',
      'sharedvol-socket:/run/sidecar',
    ]);
    expect(compose.services.combined.ports).toEqual(['127.0.0.1:8083:8080']);
    expect(Object.keys(compose.volumes)).toContain('sharedvol-socket');
    // Read-only root filesystems, as the task definitions have them.
    for (const service of Object.values(compose.services) as { read_only?: boolean }[])
      expect(service.read_only).toBe(true);
  });

  it('builds every service from its image context, <contextDir>/<variant>/<container>', () => {
    const expected = sidecarVariantNames
      .flatMap((v) => renderVariantImages(v))
      .map((i) => [i.name, `../images/${i.variant}/${i.container}`]);
    expect(
      Object.entries(compose.services)
        .map(([name, s]) => [name, s.build])
        .sort(),
    ).toEqual(expected.sort());
    expect(parse(renderCompose(undefined, { contextDir: 'ctx/' })).services.combined.build).toBe(
      'ctx/combined/combined',
    );
  });

  it('runs only the variants asked for, and their volumes only', () => {
    const subset = parse(renderCompose(undefined, { variants: ['tcp', 'combined'] }));
    expect(Object.keys(subset.services).sort()).toEqual(['combined', 'tcp-app', 'tcp-nginx']);
    expect(Object.keys(subset.volumes).filter((v) => v.startsWith('sharedvol'))).toEqual([]);
    expect(() => renderCompose(undefined, { variants: [] })).toThrow(
      /compose variants must be some of tcp, sharedvol, combined/,
    );
    expect(() => renderCompose(undefined, { variants: ['udp' as never] })).toThrow(SidecarRenderError);
  });

  it('uses the socket directory and listen port of the options', () => {
    const custom = renderCompose(
      { socketDir: '/sock', listenPort: 8443 },
      { ports: { tcp: 9001, sharedvol: 9002, combined: 9003 } },
    );
    expect(custom).toContain('sharedvol-socket:/sock');
    expect(custom).toContain('"127.0.0.1:9003:8443"');
    // Unprivileged: nginx binds it as its non-root user with no capability.
    expect(defaultRenderOptions.listenPort).toBe(8080);
  });
});

describe('image Dockerfiles keep nginx', () => {
  const dockerfiles = (options?: Parameters<typeof renderVariantImages>[1]) =>
    sidecarVariantNames
      .flatMap((v) => renderVariantImages(v, options))
      .map((img) => [img.name, img.files.get('Dockerfile') as string] as const);

  it('never purges or autoremoves packages (purging libcap2-bin took iproute2 and nginx with it)', () => {
    for (const [, dockerfile] of dockerfiles())
      expect(dockerfile).not.toMatch(/apt-get (purge|remove|autoremove)|--auto-remove/);
  });

  it('sets no capability on the default unprivileged port, and only cap_net_bind_service on nginx below 1024', () => {
    for (const [, dockerfile] of dockerfiles()) expect(dockerfile).not.toMatch(/^RUN setcap/m);
    const privileged = dockerfiles({ listenPort: 80 });
    for (const [name, dockerfile] of privileged) {
      const nginxImage = name.endsWith('-nginx') || name === 'combined';
      expect({ name, setcap: dockerfile.match(/^RUN setcap .*/gm) ?? [] }).toEqual({
        name,
        setcap: nginxImage ? ['RUN setcap cap_net_bind_service=+ep /usr/sbin/nginx'] : [],
      });
    }
  });

  it('fails the build unless nginx and gunicorn accept their configs as the users they run as', () => {
    for (const [name, dockerfile] of dockerfiles()) {
      const afterUser = dockerfile.slice(dockerfile.search(/^USER /m));
      if (name !== 'tcp-app' && name !== 'sharedvol-app') expect(afterUser).toContain('RUN ["/usr/sbin/nginx", "-t"');
      if (!name.endsWith('-nginx')) expect(afterUser).toContain('RUN ["/usr/bin/gunicorn", "--check-config"');
    }
  });
});
