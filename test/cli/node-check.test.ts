import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ECSClient } from '@aws-sdk/client-ecs';
import { nodeVersionProblem, SUPPORTED_MAJORS } from '../../bin/node-check.js';

const root = join(__dirname, '..', '..');

describe('the Node versions Stackwright runs on', () => {
  it('refuses a Node older than 22 by name, with what to install', () => {
    expect(nodeVersionProblem('20.20.2')).toBe(
      'Node 20.20.2 is too old: Stackwright needs Node 22 or later (tested on 22 and 24). ' +
        'Install Node 24: `nvm install` (reads .nvmrc), or `bash .ci/setup` as root.',
    );
    expect(nodeVersionProblem('18.0.0')).toMatch(/^Node 18\.0\.0 is too old/);
    for (const ok of ['22.0.0', '22.19.0', '24.22.3', '26.1.0']) expect(nodeVersionProblem(ok)).toBeUndefined();
  });

  it('says the same as package.json engines and .nvmrc', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${SUPPORTED_MAJORS[0]}`);
    const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    expect(SUPPORTED_MAJORS).toContain(Number(nvmrc.split('.')[0]));
  });

  it('this test run is on a supported Node, where the AWS SDK warns of nothing', async () => {
    expect(nodeVersionProblem(process.versions.node)).toBeUndefined();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      // The SDK checks the Node version when a client is made (NodeVersionSupportWarning below Node 22).
      new ECSClient({ region: 'us-east-1' }).destroy();
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
