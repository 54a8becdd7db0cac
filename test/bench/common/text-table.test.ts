import { alignColumns } from '../../../packages/bench/src/common/text-table';

it('aligns names left and numbers right under a rule', () => {
  expect(
    alignColumns([
      ['variant', 'req/s'],
      ['tcp', '679.77'],
      ['sharedvol', '715.6'],
    ]),
  ).toBe(['variant     req/s', '---------  ------', 'tcp        679.77', 'sharedvol   715.6', ''].join('\n'));
});
