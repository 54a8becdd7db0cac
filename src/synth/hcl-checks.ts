/**
 * `check` blocks in HCL. cdktf's HCL renderer only knows the blocks it models, and a check block reaches the JSON
 * through an override, so the review copy would silently lack it: it is rendered here from the synthesized JSON.
 */
/** A check block as cdktf writes it to JSON: scoped data sources (type -> id -> arguments) and assertions. */
interface CheckJson {
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly assert?: readonly { readonly condition: unknown; readonly error_message: unknown }[];
}

/** A JSON-syntax template string as an HCL quoted string: quotes and backslashes escaped outside `${...}` only. */
export function hclString(template: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (depth === 0 && c === '$' && template[i + 1] === '{') {
      depth = 1;
      out += '${';
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      out += c;
      continue;
    }
    out += c === '"' || c === '\\' ? `\\${c}` : c === '\n' ? '\\n' : c;
  }
  return `"${out}"`;
}

/** A JSON-syntax value that is one whole `${...}` template as a bare HCL expression, else as a string. */
function hclExpression(value: unknown): string {
  if (typeof value === 'string') {
    const whole = /^\$\{([\s\S]*)\}$/.exec(value);
    if (whole && !whole[1]!.includes('${')) return whole[1]!;
    return hclString(value);
  }
  return JSON.stringify(value);
}

/** Every `check` block of a stack's JSON, as HCL (empty when there is none). */
export function renderCheckBlocks(json: Record<string, unknown>): string {
  const blocks: string[] = [];
  for (const [name, check] of Object.entries((json.check ?? {}) as Record<string, CheckJson>)) {
    const lines = [`check "${name}" {`];
    for (const [type, sources] of Object.entries(check.data ?? {})) {
      for (const [id, body] of Object.entries(sources)) {
        lines.push(
          `data "${type}" "${id}" {`,
          ...Object.entries(body).map(([k, v]) => `${k} = ${hclExpression(v)}`),
          '}',
        );
      }
    }
    for (const assert of check.assert ?? []) {
      lines.push(
        'assert {',
        `condition = ${hclExpression(assert.condition)}`,
        `error_message = ${hclExpression(assert.error_message)}`,
        '}',
      );
    }
    lines.push('}');
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}
