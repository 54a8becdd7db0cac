import { TerraformOutput } from 'cdktf';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { defineStack } from '../src/core/stack-definition';
import { StackwrightStack } from '../src/core/stackwright-stack';
import { APP_HEALTH_PATH } from '../src/sidecar/render/files';
import {
  contextHash,
  defaultComposePorts,
  renderCompose,
  renderVariantImages,
  resolveRenderOptions,
} from '../src/sidecar/render/index';
import { benchmarkPlacement } from '../src/sidecar/placement';
import { BenchmarkLoadBalancer } from '../src/sidecar/load-balancer';
import { AlbLogBucket } from '../src/sidecar/alb-log-bucket';
import { TaskSecurityGroup } from '../src/sidecar/task-security-group';
import { SidecarImages, type ImageSource } from '../src/sidecar/images';
import { SidecarDeployment } from '../src/sidecar/deployment';
import { egressResources } from '../src/aws/egress';
import { creationOrderSection } from '../src/sidecar/readme-order';
import { boundedName, HashLength } from '../src/aws/names';
import { BENCH_COMMAND, sidecarReadme } from '../src/sidecar/readme';
import {
  albLogBucketProps,
  deploymentProps,
  imageVariants,
  imagesProps,
  loadBalancerProps,
  placementProps,
  renderOptions,
  sidecarDeployments,
} from './sidecar-props';

export const sidecarStack = defineStack({
  key: 'sidecar',
  summary:
    'Fargate benchmark: nginx -> gunicorn/starlette over tcp, a shared volume or one container, x86_64 and arm64, behind one ALB',
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
    const caller = new DataAwsCallerIdentity(stack, 'caller');
    const render = resolveRenderOptions(renderOptions(sc));
    const deployments = sidecarDeployments(sc);

    const placement = benchmarkPlacement(stack, placementProps(sc, { namePrefix, region, partition }));
    const albLogs = new AlbLogBucket(
      stack,
      'alb-logs',
      albLogBucketProps(sc, { namePrefix: namePrefix.toLowerCase(), region, partition, accountId: caller.accountId }),
    );
    const albRefs = {
      name: namePrefix,
      vpcId: placement.vpcId,
      subnetIds: placement.albSubnetIds,
      accessLogs: { bucket: albLogs.bucket.id, dependsOn: [albLogs.policy] },
    };
    const alb = new BenchmarkLoadBalancer(stack, 'alb', loadBalancerProps(sc, albRefs));
    const tasks = new TaskSecurityGroup(stack, 'tasks', {
      name: `${namePrefix}-tasks`,
      vpcId: placement.vpcId,
      albSecurityGroupId: alb.securityGroup.id,
      port: render.listenPort,
      egress: placement.egress,
    });
    const cluster = new EcsCluster(stack, 'cluster', {
      name: namePrefix,
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });

    const rendered = new Map(imageVariants(sc).map((v) => [v, renderVariantImages(v, render)]));
    const sources: ImageSource[] = [...rendered.values()]
      .flat()
      .map((img) => ({ ...img, contextHash: contextHash(img) }));
    const images = new SidecarImages(
      stack,
      'images',
      imagesProps(sc, { repositoryPrefix: namePrefix, sources, fileSink: stack }),
    );
    // Builds the contexts under images/, so the review shows each build context once.
    stack.addFile({
      path: 'compose/docker-compose.yml',
      contents: renderCompose(render, defaultComposePorts, { variants: imageVariants(sc) }),
    });

    const urls: Record<string, string> = {};
    for (const deployment of deployments) {
      const { variant, architecture } = deployment;
      const refs = {
        namePrefix,
        clusterArn: cluster.arn,
        vpcId: placement.vpcId,
        subnetIds: placement.taskSubnetIds,
        securityGroupIds: [tasks.securityGroup.id],
        assignPublicIp: placement.assignPublicIp,
        listenerArn: alb.listener.arn,
        images: (rendered.get(variant) ?? []).map((img) => ({
          container: img.container,
          image: images.imageUri(variant, img.container, architecture),
          healthCheck: img.healthCheck,
          writableDirs: img.writableDirs,
        })),
        repositoryArns: images.repositoryArns(variant),
        listenPort: render.listenPort,
        healthCheckPath: APP_HEALTH_PATH,
        partition,
        region,
        accountId: caller.accountId,
        egress: placement.network ? egressResources(placement.network) : [],
      };
      const d = new SidecarDeployment(
        stack,
        `${variant}-${architecture.toLowerCase()}`,
        deploymentProps(sc, deployment, refs),
      );
      urls[d.key] = `${alb.scheme}://${alb.loadBalancer.dnsName}${d.pathPrefix}`;
      new TerraformOutput(stack, `url_${d.key.replace(/-/g, '_')}`, {
        value: urls[d.key],
        description: `${variant} on ${architecture}`,
      });
    }

    new TerraformOutput(stack, 'deployment_urls', {
      value: urls,
      description: 'URL of each deployment, keyed <variant>-<arch> (read by the bench harness)',
    });
    new TerraformOutput(stack, 'alb_dns_name', {
      value: alb.loadBalancer.dnsName,
      description: 'DNS name of the load balancer',
    });
    new TerraformOutput(stack, 'bench_command', {
      value: BENCH_COMMAND,
      description: 'Benchmarks every deployment (run from the repository root)',
    });
    for (const section of sidecarReadme(sc, deployments, alb.scheme)) stack.addReadmeSection(section);
    stack.addReadmeSection(creationOrderSection(sc));
    return stack;
  },
});
