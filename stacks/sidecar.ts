import { TerraformOutput } from 'cdktf';
import { defineStack } from '../src/core/stack-definition';
import { StackwrightStack } from '../src/core/stackwright-stack';
import { SidecarBenchmark } from '../src/sidecar/benchmark';
import { creationOrderSection } from '../src/sidecar/readme-order';
import { boundedName, HashLength } from '../src/aws/names';
import { BENCH_COMMAND, sidecarReadme, sidecarSummary } from '../src/sidecar/readme';
import { sidecarBenchmarkProps, sidecarDeployments } from './sidecar-props';

export const sidecarStack = defineStack({
  key: 'sidecar',
  summary: sidecarSummary,
  build: (scope, config, sc) => {
    const stack = new StackwrightStack(scope, 'sidecar', {
      config,
      description:
        'The "Container-to-Container Communication" benchmark on Fargate: nginx in front of a starlette ' +
        'app over loopback TCP, a unix socket on a shared task volume, or inside one container, on each ' +
        'selected CPU architecture, behind one ALB with a path prefix per deployment. Images are built ' +
        'and pushed at apply.',
    });
    const { region, partition } = config.aws;
    const namePrefix = boundedName([stack.resourceName('sidecar')], 32, HashLength.sidecar);
    const bench = new SidecarBenchmark(
      stack,
      sidecarBenchmarkProps(sc, { namePrefix, region, partition, fileSink: stack }),
    );

    new TerraformOutput(stack, 'deployment_urls', {
      value: bench.urls,
      description: 'URL of each deployment, keyed <variant>-<arch> (read by the bench harness)',
    });
    new TerraformOutput(stack, 'alb_dns_name', {
      value: bench.loadBalancer.loadBalancer.dnsName,
      description: 'DNS name of the load balancer',
    });
    new TerraformOutput(stack, 'bench_command', {
      value: BENCH_COMMAND,
      description: "Benchmarks every deployment (run in this stack's folder)",
    });
    for (const section of sidecarReadme(sc, sidecarDeployments(sc), bench.loadBalancer.scheme))
      stack.addReadmeSection(section);
    stack.addReadmeSection(creationOrderSection(sc));
    return stack;
  },
});
