import { defineRule, verdict } from '../rule';
import { templateParts } from '../../terraform/json';

/** RE2, the regex engine behind Terraform's regex(), regexall() and replace(), rejects repeat counts over 1000. */
const RE2_MAX_REPEAT = 1000;

/**
 * A literal pattern in `regex(...)`/`regexall(...)` with a repeat count RE2 rejects ("invalid repeat count"):
 * inside `can(...)` the error becomes `false`, so a validation such as `{2,1224}` refuses every value. Mirrors RE2's
 * limit (github.com/google/re2 re2/parse.cc, kMaxRepeat = 1000; Go's regexp/syntax has the same).
 */
export default defineRule({
  id: 'Terraform-RegexRepeatLimit',
  appliesTo: ['*', 'variable', 'output', 'check'],
  check: (b) => {
    const problems: string[] = [];
    walkStrings(b.body, (s) => {
      for (const part of templateParts(s).filter((p) => p.kind === 'expression')) {
        for (const m of part.text.matchAll(/\bregex(?:all)?\(\s*"((?:[^"\\]|\\.)*)"/g)) {
          for (const r of m[1].matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
            const counts = [Number(r[1]), r[2] ? Number(r[2]) : 0];
            if (Math.max(...counts) > RE2_MAX_REPEAT)
              problems.push(
                `pattern "${m[1]}" repeats ${r[0]}: RE2 allows at most ${RE2_MAX_REPEAT}; check the length with length() instead`,
              );
          }
        }
      }
    });
    return verdict(problems);
  },
});

function walkStrings(v: unknown, f: (s: string) => void): void {
  if (typeof v === 'string') f(v);
  else if (Array.isArray(v)) v.forEach((x) => walkStrings(x, f));
  else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => walkStrings(x, f));
}
