import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/project-root';

/**
 * The README's sample review is docs/review-sample.md, which test/review/ecs-plan.test.ts holds equal to what
 * `stackwright review` renders for its image-change scenario (real Terraform plan).
 */
describe('the README sample review', () => {
  it('is docs/review-sample.md, verbatim', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const sample = readFileSync(join(PROJECT_ROOT, 'docs/review-sample.md'), 'utf8');
    const start = '<!-- review-sample:start -->\n';
    const block = readme.slice(readme.indexOf(start) + start.length, readme.indexOf('<!-- review-sample:end -->'));
    expect(block).toBe(sample);
    expect(sample).toContain('**replaced**, forced by `container_definitions`');
  });
});
