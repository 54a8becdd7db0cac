import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MissingRequiredAttribute from '../../src/rules/schema/MissingRequiredAttribute';
import UnknownAttribute from '../../src/rules/schema/UnknownAttribute';
import UnknownResourceType from '../../src/rules/schema/UnknownResourceType';
import { extractProviderSchema } from '../../src/rules/schema/extract';
import { cacheFile, normalizeSource, schemaFor } from '../../src/rules/schema/provider-schema';
import { judge, problems, tf } from './helpers';

const trust = '{"Statement":[]}';
const providers = {
  terraform: {
    required_providers: {
      aws: { source: 'aws', version: '6.25.0' },
      datadog: { source: 'DataDog/datadog' },
      docker: { source: 'kreuzwerker/docker' },
    },
  },
};

describe('provider schema extraction', () => {
  it('reads names (from the registry links) and required flags from a jsii assembly, nested blocks included', () => {
    const link = (field: string) => ({
      summary: `Docs at Terraform Registry: {@link https://registry.terraform.io/providers/acme/demo/1.2.3/docs/resources/demo_thing#${field} DemoThing#${field}}.`,
    });
    const assembly = {
      types: {
        'demo.DemoThing': {
          kind: 'class',
          base: 'cdktf.TerraformResource',
          docs: {
            summary:
              'Represents a {@link https://registry.terraform.io/providers/acme/demo/1.2.3/docs/resources/demo_thing demo_thing}.',
          },
          initializer: { parameters: [{ name: 'config', type: { fqn: 'demo.DemoThingConfig' } }] },
        },
        'demo.DemoThingConfig': {
          datatype: true,
          properties: [
            { name: 'count', optional: true, docs: {}, type: { primitive: 'number' } },
            { name: 'thingName', docs: link('thing_name'), type: { primitive: 'string' } },
            {
              name: 'settings',
              optional: true,
              docs: link('settings'),
              type: {
                union: {
                  types: [
                    { fqn: 'cdktf.IResolvable' },
                    { collection: { kind: 'array', elementtype: { fqn: 'demo.DemoThingSettings' } } },
                  ],
                },
              },
            },
          ],
        },
        'demo.DemoThingSettings': {
          datatype: true,
          properties: [{ name: 'port', docs: link('port'), type: { primitive: 'number' } }],
        },
      },
    };
    expect(extractProviderSchema(assembly as never, '@acme/provider-demo', '9.9.9')).toEqual({
      source: 'acme/demo',
      version: '1.2.3',
      package: '@acme/provider-demo',
      packageVersion: '9.9.9',
      resource: { demo_thing: { thing_name: { r: 1 }, settings: { b: { port: { r: 1 } } } } },
      data: {},
    });
  });

  it('extracts the real docker provider and caches every schema under node_modules/.cache/stackwright', () => {
    const dir = dirname(require.resolve('@cdktf/provider-docker/package.json'));
    const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
    const docker = extractProviderSchema(
      JSON.parse(readFileSync(join(dir, '.jsii'), 'utf8')),
      '@cdktf/provider-docker',
      version,
    );
    expect(docker.source).toBe('kreuzwerker/docker');
    expect(docker.resource.docker_container.image).toEqual({ r: 1 });
    expect(docker.resource.docker_container.ports?.b?.internal).toEqual({ r: 1 });
    expect(schemaFor('kreuzwerker/docker')).toEqual(docker);
    expect(cacheFile({ pkg: '@cdktf/provider-docker', version, dir })).toMatch(
      /node_modules\/\.cache\/stackwright\/schema-_cdktf_provider-docker-[\d.]+-v\d+\.json$/,
    );
    expect(JSON.parse(readFileSync(cacheFile({ pkg: '@cdktf/provider-docker', version, dir }), 'utf8'))).toEqual(
      docker,
    );
  });

  it('normalizes provider sources as Terraform does', () => {
    expect(normalizeSource('aws')).toBe('hashicorp/aws');
    expect(normalizeSource('DataDog/datadog')).toBe('datadog/datadog');
    expect(normalizeSource('registry.terraform.io/hashicorp/aws')).toBe('hashicorp/aws');
    expect(schemaFor('aws')?.resource.aws_iam_role.assume_role_policy).toEqual({ r: 1 });
  });
});

describe('Schema-UnknownResourceType', () => {
  it('passes real AWS, Datadog and Docker types', () => {
    const json = tf(
      {
        aws_iam_role: { r: { assume_role_policy: trust } },
        datadog_integration_aws_external_id: { e: {} },
        docker_image: { i: { name: 'x' } },
      },
      providers,
    );
    for (const a of ['aws_iam_role.r', 'datadog_integration_aws_external_id.e', 'docker_image.i'])
      expect(problems(UnknownResourceType, json, a)).toEqual([]);
  });
  it('fails a misspelt type, resource or data source', () => {
    const json = tf({ aws_iam_rolez: { r: {} } }, { ...providers, data: { aws_caller_identities: { me: {} } } });
    expect(problems(UnknownResourceType, json, 'aws_iam_rolez.r')).toEqual([
      expect.stringMatching(/^aws_iam_rolez is not a resource type of hashicorp\/aws \d/),
    ]);
    expect(problems(UnknownResourceType, json, 'data.aws_caller_identities.me')).toEqual([
      expect.stringMatching(/^aws_caller_identities is not a data source type of hashicorp\/aws/),
    ]);
  });
  it('is not applicable to providers Stackwright has no schema for', () => {
    expect(
      judge(UnknownResourceType, tf({ random_password: { p: { length: 16 } } }), 'random_password.p').compliance,
    ).toBe('not-applicable');
  });
});

describe('Schema-UnknownAttribute', () => {
  it('passes known attributes, nested blocks, dynamic blocks and meta-arguments', () => {
    const json = tf({
      aws_ecs_service: {
        s: {
          name: 's',
          network_configuration: { subnets: ['subnet-1'], assign_public_ip: false },
          load_balancer: [{ container_name: 'a', container_port: 80, target_group_arn: 'arn' }],
          dynamic: {
            ordered_placement_strategy: { for_each: '${var.s}', content: { type: 'spread', field: '${each.value}' } },
          },
          lifecycle: { ignore_changes: ['desired_count'] },
          depends_on: ['aws_iam_role.r'],
          '//': { metadata: { path: 'x' } },
        },
      },
    });
    expect(problems(UnknownAttribute, json, 'aws_ecs_service.s')).toEqual([]);
  });
  it('fails unknown top-level, nested and dynamic names', () => {
    const json = tf({
      aws_ecs_service: {
        s: {
          name: 's',
          desired_tasks: 2,
          network_configuration: { subnets: ['s'], assign_public: true },
          load_balancer: [{ container_name: 'a', container_port: 80, port: 1 }],
          dynamic: { placement: { content: {} } },
        },
      },
    });
    expect(problems(UnknownAttribute, json, 'aws_ecs_service.s')).toEqual([
      expect.stringMatching(/^'desired_tasks' is not an argument of aws_ecs_service in hashicorp\/aws /),
      expect.stringMatching(/^'network_configuration.assign_public' is not/),
      expect.stringMatching(/^'load_balancer\[0\].port' is not/),
      expect.stringMatching(/^'dynamic.placement' is not/),
    ]);
  });
});

describe('Schema-MissingRequiredAttribute', () => {
  it('passes when required attributes are set (references count)', () => {
    const json = tf({
      aws_iam_role_policy_attachment: {
        a: { role: '${aws_iam_role.r.name}', policy_arn: '${each.value.arn}', for_each: '${aws_iam_policy.p}' },
      },
    });
    expect(problems(MissingRequiredAttribute, json, 'aws_iam_role_policy_attachment.a')).toEqual([]);
  });
  it('fails missing top-level and nested required attributes', () => {
    const json = tf(
      {
        aws_ecs_service: { s: { network_configuration: { assign_public_ip: false } } },
        aws_iam_role: { r: { name: 'r' } },
      },
      providers,
    );
    expect(problems(MissingRequiredAttribute, json, 'aws_ecs_service.s')).toEqual([
      expect.stringMatching(/^'name' is required by aws_ecs_service/),
      expect.stringMatching(/^'network_configuration.subnets' is required by aws_ecs_service/),
    ]);
    expect(problems(MissingRequiredAttribute, json, 'aws_iam_role.r')).toEqual([
      expect.stringMatching(/^'assume_role_policy' is required/),
    ]);
  });
});
