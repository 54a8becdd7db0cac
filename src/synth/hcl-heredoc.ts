/**
 * A long multi-line string (EC2 user data) as cdktf renders it is one quoted line of `\n` escapes, unreadable in
 * review. An indented heredoc (`<<-EOT`) shows its lines as they are, and Terraform reads it as the same string
 * (developer.hashicorp.com/terraform/language/expressions/strings, "Heredoc Strings"): for `<<-`, "Terraform
 * analyses the lines in the sequence to find the one with the smallest number of leading spaces, and then trims that
 * many spaces from the beginning of all of the lines"; and "Backslash sequences are not interpreted as escapes in a
 * heredoc string expression", so the quoted form's escapes are written out. Template sequences (`${`, `%{` and their
 * `$${`, `%%{` escapes) are read alike in both forms.
 */

/** A value that is one quoted string, optionally the sole argument of one function call: `"..."` or `fn("...")`. */
const QUOTED = /^([A-Za-z_][\w]*\()?"((?:[^"\\]|\\.)*)"(\))?$/;

/** The quoted form's backslash escapes (HCL native syntax, "Template Literals"). */
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * The value as an indented heredoc: the attribute's value (`fn(<<-EOT` or `<<-EOT`) and the lines that follow it
 * (content indented one level below `indent`, the closing marker, and the call's `)`), or undefined when the value
 * is not such a string or the heredoc could not say exactly the same: a string without a newline or not ending in
 * one, with an interpolation (whose inner quotes would need another reading), a carriage return, a line of only
 * blanks, or lines that all start with a blank (the trimmed indentation would take theirs too).
 */
export function asHeredoc(value: string, indent: string): { value: string; body: string[] } | undefined {
  const m = QUOTED.exec(value);
  if (!m || Boolean(m[1]) !== Boolean(m[3])) return undefined;
  const quoted = m[2]!;
  if (/(^|[^$])\$\{|(^|[^%])%\{/.test(quoted) || /\\[uU]/.test(quoted)) return undefined;
  const text = quoted.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? `\\${c}`);
  if (!text.endsWith('\n') || text.includes('\r')) return undefined;
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 2 || lines.some((l) => l !== '' && l.trim() === '')) return undefined;
  if (!lines.some((l) => l !== '' && !/^\s/.test(l))) return undefined;
  let marker = 'EOT';
  while (lines.some((l) => l.trim() === marker)) marker += '_';
  const inner = `${indent}  `;
  return {
    value: `${m[1] ?? ''}<<-${marker}`,
    body: [
      ...lines.map((l) => (l === '' ? '' : `${inner}${l}`)),
      `${indent}${marker}`,
      ...(m[1] ? [`${indent})`] : []),
    ],
  };
}
