import { RULE_IDS as DECLARED } from '../../src/rules/ids';
import { RULE_IDS as REGISTERED } from '../../src/rules/packs';

// Config validation and suppressRule read the light list in src/rules/ids.ts so that loading a config never loads the
// rule pack; this holds the list to the rules the packs register.
describe('src/rules/ids.ts', () => {
  it('lists every registered rule id, in report order, and nothing else', () => {
    expect(DECLARED).toEqual(REGISTERED);
  });

  it('holds no id twice', () => {
    expect(new Set(DECLARED).size).toBe(DECLARED.length);
  });
});
