import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { synthConfig } from './collect';
import { STATE_FIXTURE } from './record-state';
import { plan } from '../../src/terraform/plan/state';
import { offlineCopy, offlineTerraformAvailable, terraform } from './terraform';
import type { Json } from '../helpers/json';

/**
 * The moved blocks as the real Terraform reads them: every stack of the default config validates with them, and
 * the keepalive stack, planned against the state a 0.1.0 user has (fixtures/keepalive-0.1.0.tfstate, every resource
 * at its hashed 0.1.0 address), moves every resource and replaces none.
 */
const released = JSON.parse(readFileSync(join(__dirname, 'released-0.1.0.json'), 'utf8'))['stackwright.yaml'] as Record<
  string,
  string[]
>;
const TIMEOUT = 10 * 60_000; // each terraform command loads the AWS provider's schema: tens of seconds under load

(offlineTerraformAvailable ? describe : describe.skip)(
  'moved blocks in Terraform (hashicorp/aws 5.100.0, offline)',
  () => {
    let stacks: Map<string, Record<string, Json>>;
    beforeAll(async () => {
      stacks = (await synthConfig('stackwright.yaml')) as Map<string, Record<string, Json>>;
    }, TIMEOUT);

    it(
      'upgrading keepalive from 0.1.0 moves every resource to its readable address and replaces nothing',
      async () => {
        const json = stacks.get('keepalive')!;
        const dir = offlineCopy(json, join(PROJECT_ROOT, 'generated/keepalive'));
        await terraform(dir, 'init', '-input=false');
        copyFileSync(STATE_FIXTURE, join(dir, 'terraform.tfstate'));
        const fixture = JSON.parse(readFileSync(STATE_FIXTURE, 'utf8')) as {
          resources: Array<{ type: string; name: string }>;
        };
        expect(fixture.resources.map((r) => `${r.type}.${r.name}`).sort()).toEqual(
          released.keepalive.filter((a) => !a.startsWith('data.')),
        );

        const changes = (await plan(terraform, dir)).filter((c) => c.mode === 'managed');
        const movedTo = new Map<string, string>(json.moved.map((m: { from: string; to: string }) => [m.from, m.to]));
        const seen = changes.map((c) => ({ from: c.previous_address, to: c.address, actions: c.change.actions }));
        expect(seen.map((s) => s.from).sort()).toEqual(fixture.resources.map((r) => `${r.type}.${r.name}`).sort());
        // Nothing is replaced; the only in-place changes are functions whose code changed since 0.1.0 (new zip hash)
        // and the bench invoke policy, whose lambda:InvokeFunction statement now requires lambda:InvokedViaFunctionUrl.
        const changedCode = new Set(
          (
            fixture as unknown as {
              resources: Array<{
                type: string;
                name: string;
                instances: Array<{ attributes: Record<string, unknown> }>;
              }>;
            }
          ).resources
            .filter((r) => r.type === 'aws_lambda_function')
            .filter(
              (r) =>
                r.instances[0].attributes.source_code_hash !==
                json.resource.aws_lambda_function[movedTo.get(`${r.type}.${r.name}`)!.split('.')[1]].source_code_hash,
            )
            .map((r) => `${r.type}.${r.name}`),
        );
        const invokePolicy = seen.find((s) => s.to === 'aws_iam_policy.benchmark_bench_invoke')!.from!;
        const changed = new Set([...changedCode, invokePolicy]);
        for (const s of seen)
          expect(s).toEqual({
            from: s.from,
            to: movedTo.get(s.from!),
            actions: changed.has(s.from!) ? ['update'] : ['no-op'],
          });
        // The same, as a reviewer reads it in `terraform plan`.
        const text = await terraform(dir, 'show', '-no-color', 'plan.bin');
        expect(text).toContain(
          '# aws_dynamodb_table.benchmark_table_B4AD313D has moved to aws_dynamodb_table.benchmark_table',
        );
        expect(text).toContain(`Plan: 0 to add, ${changed.size} to change, 0 to destroy.`);
      },
      TIMEOUT,
    );

    it(
      'datadog, ecs and sidecar validate with their moved blocks (unmirrored datadog and docker blocks stood in for)',
      async () => {
        // One after another: each run loads the provider's schema, and the suite runs beside this test.
        const results: Array<{ name: string; valid: boolean; diagnostics: unknown[]; movedValidated: number }> = [];
        for (const name of ['datadog', 'ecs', 'sidecar']) {
          const dir = offlineCopy(stacks.get(name)!);
          await terraform(dir, 'init', '-input=false', '-backend=false');
          const validation = JSON.parse(await terraform(dir, 'validate', '-json')) as {
            valid: boolean;
            diagnostics: unknown[];
          };
          const written = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as { moved?: unknown[] };
          results.push({
            name,
            valid: validation.valid,
            diagnostics: validation.diagnostics,
            movedValidated: written.moved?.length ?? 0,
          });
        }
        for (const r of results)
          expect(r).toEqual({ name: r.name, valid: true, diagnostics: [], movedValidated: expect.any(Number) });
        // Only moves of unmirrored providers' resources were left out of what Terraform checked.
        const awsMoves = (name: string) =>
          stacks.get(name)!.moved.filter((m: { to: string }) => m.to.startsWith('aws_')).length;
        expect(results.map((r) => r.movedValidated)).toEqual(['datadog', 'ecs', 'sidecar'].map(awsMoves));
        expect(results.every((r) => r.movedValidated > 0)).toBe(true);
      },
      TIMEOUT,
    );
  },
);
