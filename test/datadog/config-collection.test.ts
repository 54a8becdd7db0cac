import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load';
import { InputError } from '../../src/core/errors';
import { stackSummary } from '../../src/core/stack-definition';
import { datadogStack } from '../../stacks/datadog';
import { collectionWarnings, RESOURCE_COVERAGE_ACTIONS } from '../../src/datadog/config';
import { snapshotPermissions } from '../../src/datadog/permissions';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { onlyResource } from '../helpers/synth';
import { synthDatadog } from './helpers';

const yamlFor = (datadog: Record<string, unknown>) =>
  JSON.stringify({ name: 'dd', aws: { region: 'us-east-1', accountId: '123456789012' }, stacks: { datadog } });
const parse = (datadog: Record<string, unknown>) => parseConfig(yamlFor(datadog), 'dd.yaml').stacks.datadog!;

/** The problems parseConfig refuses the section with, as `path: message (allowed)` lines. */
function refusal(datadog: Record<string, unknown>): string[] {
  try {
    parse(datadog);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((p) => `${p.file}: ${p.path}: ${p.message} (${p.allowed})`);
  }
  throw new Error('expected the config to be refused');
}

describe('Datadog collection settings against the permissions the role gets', () => {
  it('default section: resource collection follows SecurityAudit, so no extended collection without it', () => {
    const d = parse({});
    expect(d.integration?.resourceCollection).toEqual({ enabled: false, cloudSecurityPosture: false });
    expect(collectionWarnings(d)).toEqual([]);
  });

  it('securityAudit: true turns resource collection on by default', () => {
    expect(parse({ securityAudit: true, permissions: 'full' }).integration?.resourceCollection).toEqual({
      enabled: true,
      cloudSecurityPosture: false,
    });
  });

  it('refuses extended collection without SecurityAudit, naming file, field and the ways out', () => {
    expect(refusal({ integration: { resourceCollection: { enabled: true } } })).toEqual([
      expect.stringMatching(
        /^dd\.yaml: stacks\.datadog\.integration\.resourceCollection\.enabled: .*SecurityAudit.* \(set securityAudit: true, or resourceCollection\.enabled: false\)$/,
      ),
    ]);
  });

  it('refuses CSPM without SecurityAudit', () => {
    expect(refusal({ integration: { resourceCollection: { cloudSecurityPosture: true } } })).toEqual([
      expect.stringMatching(
        /stacks\.datadog\.integration\.resourceCollection\.cloudSecurityPosture: needs securityAudit: true/,
      ),
    ]);
  });

  it('refuses CSPM with resource collection switched off (Datadog: CSPM requires extended_collection)', () => {
    expect(
      refusal({
        securityAudit: true,
        integration: { resourceCollection: { enabled: false, cloudSecurityPosture: true } },
      }),
    ).toEqual([
      expect.stringMatching(/cloudSecurityPosture: Datadog CSPM requires resource collection \(extended_collection\)/),
    ]);
  });

  it('refuses X-Ray collection with the core list, which lacks the xray actions; accepts it with standard', () => {
    expect(refusal({ permissions: 'core', integration: { xrayServices: ['api'] } })).toEqual([
      expect.stringMatching(
        /xrayServices: X-Ray trace collection needs xray:BatchGetTraces, xray:GetTraceSummaries, which the core permission list/,
      ),
    ]);
    expect(
      parse({ permissions: 'standard', integration: { xrayServices: ['api'] } }).integration?.xrayServices,
    ).toEqual(['api']);
  });

  it('accepts CSPM with SecurityAudit and turns resource collection on for it', () => {
    const d = parse({
      securityAudit: true,
      permissions: 'full',
      integration: { resourceCollection: { cloudSecurityPosture: true } },
    });
    expect(d.integration?.resourceCollection).toEqual({ enabled: true, cloudSecurityPosture: true });
    expect(collectionWarnings(d)).toEqual([]);
  });

  it('warns when SecurityAudit is attached but nothing Datadog does uses it', () => {
    const d = parse({ securityAudit: true, integration: { resourceCollection: { enabled: false } } });
    expect(collectionWarnings(d)).toEqual([
      expect.objectContaining({ path: ['securityAudit'], message: expect.stringMatching(/does not use/) }),
    ]);
  });

  it('warns that the standard list lacks the read permissions Datadog recommends for complete coverage; full has them', () => {
    const standard = new Set(snapshotPermissions('standard'));
    const missing = RESOURCE_COVERAGE_ACTIONS.filter((a) => !standard.has(a));
    expect(missing.length).toBeGreaterThan(0);
    const warnings = collectionWarnings(parse({ securityAudit: true }));
    expect(warnings).toEqual([
      expect.objectContaining({
        path: ['permissions'],
        message: expect.stringContaining(`recommends ${missing.length} read permissions`),
      }),
    ]);
    const full = new Set(snapshotPermissions('full'));
    expect(RESOURCE_COVERAGE_ACTIONS.filter((a) => !full.has(a))).toEqual([]);
  });

  it('manual mode: collection is configured in Datadog, so nothing is filled in or warned about', () => {
    const d = parse({ externalId: 'manual', securityAudit: true });
    expect(d.integration).toBeUndefined();
    expect(collectionWarnings(d)).toEqual([]);
  });

  it('the synthesized integration asks for extended collection only when SecurityAudit is attached', async () => {
    const off = onlyResource(await synthDatadog({}), 'datadog_integration_aws_account');
    expect(off.resources_config).toEqual({
      extended_collection: false,
      cloud_security_posture_management_collection: false,
    });
    const on = onlyResource(
      await synthDatadog({ securityAudit: true, permissions: 'full' }),
      'datadog_integration_aws_account',
    );
    expect(on.resources_config).toEqual({
      extended_collection: true,
      cloud_security_posture_management_collection: false,
    });
  });

  it('the CLI prints warnings with file and field but still succeeds; refusals exit 2', async () => {
    const dir = tempDir('sw-dd-collection-');
    const warned = join(dir, 'warned.yaml');
    writeFileSync(warned, yamlFor({ securityAudit: true, integration: { resourceCollection: { enabled: false } } }));
    const ok = await runCli(['list', '--config', warned]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(
      new RegExp(
        `^warning: ${warned.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: stacks\\.datadog\\.securityAudit: SecurityAudit is attached`,
        'm',
      ),
    );
    const refused = join(dir, 'refused.yaml');
    writeFileSync(refused, yamlFor({ integration: { resourceCollection: { enabled: true } } }));
    const bad = await runCli(['list', '--config', refused]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('stacks.datadog.integration.resourceCollection.enabled');
  });
});

describe('the Datadog stack definition', () => {
  it('list names the Datadog side of the handshake only in managed mode', () => {
    expect(stackSummary(datadogStack, parse({}))).toContain('the Datadog side of the handshake');
    expect(stackSummary(datadogStack, parse({ externalId: 'manual' }))).not.toContain('handshake');
    expect(stackSummary(datadogStack, parse({ externalId: 'manual' }))).toContain('external ID is a variable');
  });

  it('its warnings hook is collectionWarnings, which the CLI prints under stacks.datadog', () => {
    const d = parse({ securityAudit: true, integration: { resourceCollection: { enabled: false } } });
    expect(datadogStack.warnings?.(d)).toEqual(collectionWarnings(d));
    expect(collectionWarnings(d)).not.toEqual([]);
  });
});
