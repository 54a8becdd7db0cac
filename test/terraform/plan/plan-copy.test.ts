import { asModule, planCopy } from '../../../src/terraform/plan/plan-copy';
import type { Json } from '../../helpers/json';

const original = {
  terraform: {
    required_providers: {
      aws: { source: 'aws', version: '6.25.0' },
      docker: { source: 'kreuzwerker/docker', version: '3.6.2' },
      datadog: { source: 'DataDog/datadog', version: '3.82.0' },
    },
    backend: { s3: { bucket: 'b', key: 'k', region: 'eu-west-1' } },
  },
  provider: {
    aws: [{ region: 'eu-west-1', allowed_account_ids: ['111122223333'] }],
    docker: [{ registry_auth: [{ address: '${data.aws_ecr_authorization_token.t.proxy_endpoint}' }] }],
  },
  data: { aws_ecr_authorization_token: { t: {} }, datadog_integration_aws_iam_permissions_standard: { p: {} } },
  resource: {
    docker_image: {
      img: { name: '${aws_ecr_repository.r.repository_url}:1', build: { context: '${path.module}/images/app' } },
    },
    docker_registry_image: { push: { name: '${docker_image.img.name}', depends_on: ['docker_image.img'] } },
    aws_ecs_task_definition: {
      t: {
        container_definitions:
          '[{"image":"${aws_ecr_repository.r.repository_url}@${docker_registry_image.push.sha256_digest}"}]',
      },
    },
    aws_lambda_function: {
      f: {
        runtime: 'nodejs24.x',
        tags: { list: '${join(",", data.datadog_integration_aws_iam_permissions_standard.p.iam_permissions)}' },
      },
    },
    aws_s3_bucket_server_side_encryption_configuration: {
      e: {
        bucket: 'b',
        rule: [
          { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' }, blocked_encryption_types: ['SSE-C'] },
        ],
      },
    },
  },
};

describe("the test's plan copy (never generated/)", () => {
  const before = JSON.stringify(original);
  const copy = planCopy(original, {
    awsVersion: '5.100.0',
    endpoint: 'http://127.0.0.1:9',
    standInValues: { iam_permissions: ['a:B'] },
  });
  const json = copy.json as Json;

  it('leaves the synthesized JSON untouched', () => expect(JSON.stringify(original)).toBe(before));

  it('pins the mirrored AWS provider, drops the backend and talks only to the loopback stand-in', () => {
    expect(json.terraform).toEqual({ required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } } });
    const aws = json.provider.aws[0];
    expect(aws).toMatchObject({
      region: 'eu-west-1',
      skip_credentials_validation: true,
      skip_metadata_api_check: true,
      skip_requesting_account_id: false,
    });
    expect(new Set(Object.values(aws.endpoints[0]))).toEqual(new Set(['http://127.0.0.1:9']));
  });

  it('maps runtimes the provider does not know to the closest it does', () => {
    expect(json.resource.aws_lambda_function.f.runtime).toBe('nodejs22.x');
    expect(copy.runtimes.get('aws_lambda_function.f')).toBe('nodejs24.x -> nodejs22.x');
  });

  it('drops arguments the provider does not know yet (blocked_encryption_types came in 6.22.0)', () => {
    expect(json.resource.aws_s3_bucket_server_side_encryption_configuration.e.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
    ]);
    expect(copy.dropped.get('aws_s3_bucket_server_side_encryption_configuration.e')).toBe(
      'rule.blocked_encryption_types',
    );
  });

  it('replaces Docker and Datadog blocks by stand-ins with the same references', () => {
    expect(json.resource.docker_image).toBeUndefined();
    expect(json.resource.terraform_data['docker_registry_image__push']).toEqual({
      depends_on: ['terraform_data.docker_image__img'],
      input: { name: '${terraform_data.docker_image__img.output.name}', sha256_digest: 'stand-in-sha256_digest' },
    });
    expect(json.resource.terraform_data['docker_image__img'].input.build).toEqual({
      context: '${path.module}/images/app',
    });
    expect(json.resource.aws_ecs_task_definition.t.container_definitions).toContain(
      '${terraform_data.docker_registry_image__push.output.sha256_digest}',
    );
    expect(json.data).toEqual({ aws_ecr_authorization_token: { t: {} } });
    expect(json.locals['datadog_integration_aws_iam_permissions_standard__p']).toEqual({ iam_permissions: ['a:B'] });
    expect(json.resource.aws_lambda_function.f.tags.list).toBe(
      '${join(",", local.datadog_integration_aws_iam_permissions_standard__p.iam_permissions)}',
    );
    expect(json.provider.docker).toBeUndefined();
    expect(json.locals.provider_docker[0].registry_auth[0].address).toBe(
      '${data.aws_ecr_authorization_token.t.proxy_endpoint}',
    );
  });

  it('makes a module of it: the AWS provider settings move to the root, without default_tags', () => {
    const tagged = { ...json, provider: { aws: [{ ...json.provider.aws[0], default_tags: [{ tags: { a: 'b' } }] }] } };
    const { module, provider } = asModule(tagged);
    expect(module.provider).toBeUndefined();
    expect(module.resource).toEqual(json.resource);
    expect(provider).toEqual(json.provider.aws[0]);
    expect(provider.default_tags).toBeUndefined();
  });
});
