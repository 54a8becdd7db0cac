import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Testing } from 'cdktf';
import { parse } from 'yaml';
import { StackwrightStack } from '../../src/core/stackwright-stack';
import { SidecarBenchmark } from '../../src/sidecar/benchmark';
import { renderCompose, renderVariantImages } from '../../src/sidecar/render';
import {
  checkVariantTable,
  sidecarVariantTable,
  type SidecarVariantSpec,
  type SidecarVariantTable,
} from '../../src/sidecar/variants';
import { deploymentsOf, rulePriorityOf } from '../../src/sidecar/deployments';
import { defaultBinaries, writeVariantLayout } from '../../packages/bench/src/sidecar/local/runner/layout';
import { localPorts } from '../../packages/bench/src/sidecar/local/servers';
import { resourcesOf, testConfig } from '../helpers/synth';
import type { Json } from '../helpers/json';

/**
 * The variant table is the one place a variant is described: a fourth variant, added to this test's own copy of the
 * table and to nothing else, gets its images, its task definition behind the ALB, its compose services and its local
 * runner configuration. `uds`: nginx and gunicorn in two containers over a unix socket on their shared task volume,
 * on a bigger task than sharedvol and on ports of its own.
 */
const uds: SidecarVariantSpec = {
  name: 'uds',
  containers: 'nginx+app',
  appBind: 'unix',
  sharedSocketVolume: true,
  taskSize: { cpu: 512, memory: 1024 },
  localPortOffsets: { nginx: 4 },
  composePort: 8084,
  listPhrase: 'a unix socket on a bigger task',
  readme: ['- `uds`: nginx and the app over a unix socket on a shared volume, on a bigger task.'],
};
const table: SidecarVariantTable = checkVariantTable([...sidecarVariantTable, uds]);

describe('a fourth sidecar variant, added to the table only', () => {
  test('gets its images: nginx and app, the app bound to the socket on the shared volume', () => {
    const images = renderVariantImages('uds', {}, table);
    expect(images.map((i) => i.name)).toEqual(['uds-nginx', 'uds-app']);
    expect(images[1]!.files.get('gunicorn.conf.py')).toContain('bind = ["unix:/run/sidecar/gunicorn.sock"]');
    expect(images[0]!.files.get('nginx.conf')).toContain('server unix:/run/sidecar/gunicorn.sock');
    expect(images.map((i) => i.writableDirs.map((d) => d.volume))).toEqual([
      ['nginx-state', 'socket'],
      ['app-state', 'socket'],
    ]);
  });

  test('gets its task definition, service and route behind the ALB', () => {
    const stack = new StackwrightStack(new App(), 'sidecar', {
      config: testConfig({ sidecar: { listenerCidrs: ['203.0.113.10/32'] } }),
      description: 'test',
    });
    const deployments = deploymentsOf(['uds', 'tcp'], ['X86_64'], table);
    expect(deployments).toEqual([
      { variant: 'tcp', architecture: 'X86_64' },
      { variant: 'uds', architecture: 'X86_64' },
    ]);
    const bench = new SidecarBenchmark(stack, {
      namePrefix: 'test-sidecar',
      region: 'us-east-1',
      partition: 'aws',
      network: {},
      loadBalancer: { listenerCidrs: ['203.0.113.10/32'] },
      albLogRetentionDays: 7,
      imageVariants: ['tcp', 'uds'],
      architectures: ['X86_64'],
      deployments: deployments.map((deployment) => ({
        deployment,
        rulePriority: rulePriorityOf(deployment, table),
        taskSize: table.find((v) => v.name === deployment.variant)!.taskSize,
        logRetentionDays: 7,
      })),
      fileSink: stack,
      variants: table,
    });
    expect(Object.keys(bench.urls)).toEqual(['tcp-x86_64', 'uds-x86_64']);
    const json = JSON.parse(Testing.synth(stack)) as Json;
    const task = resourcesOf(json, 'aws_ecs_task_definition').uds_x86_64_task;
    expect({ cpu: task.cpu, memory: task.memory }).toEqual({ cpu: '512', memory: '1024' });
    expect(task.volume).toEqual([{ name: 'app-state' }, { name: 'socket' }, { name: 'nginx-state' }]);
    const containers = JSON.parse(task.container_definitions) as Json[];
    expect(containers.map((c) => c.name)).toEqual(['app', 'nginx']);
    expect(containers[1].dependsOn).toEqual([{ containerName: 'app', condition: 'HEALTHY' }]);
    expect(containers[1].portMappings.map((p: Json) => p.containerPort)).toEqual([8080]);
    const service = resourcesOf(json, 'aws_ecs_service').uds_x86_64_service;
    expect(service.load_balancer[0].container_name).toBe('nginx');
    // The fourth row of the table: priorities follow the table, so the real variants keep theirs.
    expect(resourcesOf(json, 'aws_lb_listener_rule').uds_x86_64_route.priority).toBe(130);
    expect(resourcesOf(json, 'aws_lb_listener_rule').tcp_x86_64_route.priority).toBe(100);
    expect(Object.keys(resourcesOf(json, 'aws_ecr_repository'))).toContain('images_uds_app_repo');
  });

  test('gets its compose services: nginx waits for the app and shares its socket volume', () => {
    const compose = parse(renderCompose({}, { variants: ['uds'], table })) as {
      services: Record<string, Json>;
      volumes: Record<string, unknown>;
    };
    expect(Object.keys(compose.services)).toEqual(['uds-app', 'uds-nginx']);
    expect(compose.services['uds-nginx']).toMatchObject({
      build: '../images/uds/nginx',
      ports: ['127.0.0.1:8084:8080'],
      depends_on: { 'uds-app': { condition: 'service_healthy' } },
      volumes: ['uds-nginx-state:/var/lib/nginx-sidecar', 'uds-socket:/run/sidecar'],
    });
    expect(compose.services['uds-app'].network_mode).toBeUndefined();
    expect(Object.keys(compose.volumes)).toEqual(['uds-app-state', 'uds-socket', 'uds-nginx-state']);
  });

  test('gets its local runner configuration: its ports and nginx to gunicorn over a socket in its directory', () => {
    expect(localPorts(uds, 20000)).toEqual({ port: 20004 });
    const dir = mkdtempSync(join(tmpdir(), 'stackwright-uds-'));
    try {
      const layout = writeVariantLayout({
        variant: uds,
        dir,
        port: 20004,
        appPort: 8000,
        render: { workers: 1, nginxWorkerProcesses: 1, upstreamKeepalive: 16, quietDatadogAgentLogs: false },
        binaries: defaultBinaries,
      });
      expect(layout.upstream).toEqual({ kind: 'unix', socketPath: join(dir, 'run', 'gunicorn.sock') });
      expect(layout.servers.map((s) => s.name)).toEqual(['nginx', 'app']);
      expect(readFileSync(join(dir, 'nginx', 'nginx.conf'), 'utf8')).toContain('listen 127.0.0.1:20004');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the table refuses rows that cannot work', () => {
    expect(() => checkVariantTable([...table, { ...uds, name: 'other', sharedSocketVolume: false }])).toThrow(
      'sidecar variant "other": nginx and the app in two containers need sharedSocketVolume for a unix socket',
    );
    expect(() => checkVariantTable([...table, { ...uds, name: 'tcp2', appBind: 'tcp' }])).toThrow(
      'localPortOffsets.app is needed exactly when the app binds TCP',
    );
    expect(() => checkVariantTable([...table, { ...uds, composePort: 8081, localPortOffsets: { nginx: 9 } }])).toThrow(
      'listed twice',
    );
    expect(checkVariantTable(sidecarVariantTable)).toBe(sidecarVariantTable);
  });
});
