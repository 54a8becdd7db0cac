import { App } from 'cdktf';
import { StackwrightStack } from '../../src/core/stackwright-stack';
import { testConfig } from '../helpers/synth';

/** An empty StackwrightStack in its own App, for tests of constructs and packaging helpers. */
export function emptyStack(
  id = 'lambda-test',
  aws: Record<string, unknown> = { region: 'us-east-1' },
): StackwrightStack {
  // Any valid section will do; the stack itself ignores it. Datadog's section has defaults for every field.
  const config = testConfig({ datadog: { externalId: 'manual' } }, { aws });
  return new StackwrightStack(new App({ skipValidation: true, stackTraces: false }), id, {
    config,
    description: 'test',
  });
}
