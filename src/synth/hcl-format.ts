import { asHeredoc } from './hcl-heredoc';

/**
 * Lays out the HCL that cdktf's renderer emits (one element per line, no indentation) the way `terraform fmt` does:
 * two-space indentation by nesting, `=` aligned across consecutive one-line attributes, empty lists collapsed, at
 * most one blank line. Heredoc bodies are kept verbatim; a multi-line quoted string becomes one (./hcl-heredoc.ts).
 * cdktf's own formatter (@cdktf/hcl-tools) is a Go wasm module that adds its own memory and start-up to every synth;
 * this layout is all the review copy needs.
 */
export function formatHcl(raw: string): string {
  const out: string[] = [];
  let depth = 0;
  let group: { indent: string; key: string; rest: string; body: string[] }[] = [];
  let heredoc: string | undefined;
  // Inside `depends_on = [` or `ignore_changes = [`: entries are references, which Terraform wants bare.
  let referenceList = false;

  const flush = (): void => {
    const width = Math.max(0, ...group.map((a) => a.key.length));
    for (const a of group) out.push(`${a.indent}${a.key.padEnd(width)} = ${a.rest}`, ...a.body);
    group = [];
  };

  const lines = raw.replace(/\[\s*\n\s*\n\s*\]/g, '[]').split('\n');
  for (const rawLine of lines) {
    if (heredoc !== undefined) {
      const attribute = group[group.length - 1]!;
      if (heredoc === ')') {
        // The call around a heredoc argument closes on the line after the marker: still this attribute.
        heredoc = undefined;
        if (rawLine.trim() === ')') {
          attribute.body.push(`${attribute.indent})`);
          flush();
          continue;
        }
      } else {
        attribute.body.push(rawLine);
        if (rawLine.trim() === heredoc) heredoc = attribute.rest.endsWith(`(<<-${heredoc}`) ? ')' : undefined;
        continue;
      }
    }
    const line = rawLine.trim();
    if (line === '') {
      flush();
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    if (/^[}\]]/.test(line)) {
      depth = Math.max(0, depth - 1);
      referenceList = false;
    }
    const indent = '  '.repeat(depth);
    const attr = /^("[^"]*"|[\w-]+)\s*=\s*(.*)$/.exec(line);
    const opensBlock = /[{[]$/.test(line);
    if (attr && !opensBlock) {
      const rest = unwrapInterpolation(escapeTemplateQuotes(attr[2]!));
      const multiline = asHeredoc(rest, indent);
      const value = multiline?.value ?? rest;
      // terraform fmt aligns an attribute whose heredoc ends its value, but not one whose call closes after the
      // heredoc (`f(<<-EOT ... EOT\n)`): that one stands alone, between its neighbours' groups.
      const call = /\(<<-?\w+$/.test(value);
      if (call) flush();
      group.push({ indent, key: attr[1]!, rest: value, body: multiline?.body ?? [] });
      // A heredoc's body lines stay verbatim, attached to this attribute (one already made here is complete).
      heredoc = multiline ? undefined : /<<-?(\w+)$/.exec(attr[2]!)?.[1];
      if (call && multiline) flush();
      continue;
    }
    flush();
    if (/^[}\]]/.test(line) && out[out.length - 1] === '') out.pop();
    const element = referenceList ? bareReference(line) : unwrapInterpolation(line);
    out.push(`${indent}${attr ? `${attr[1]} = ${unwrapInterpolation(attr[2]!)}` : element}`);
    if (opensBlock) depth += 1;
    if (attr && /^(depends_on|ignore_changes)$/.test(attr[1]!) && attr[2] === '[') referenceList = true;
  }
  flush();
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/\{\n\n/g, '{\n')
      .trim() + '\n'
  );
}

/**
 * `"aws_vpc.main",` -> `aws_vpc.main,`: cdktf's renderer quotes the entries of `depends_on` and `ignore_changes`,
 * which Terraform warns about: "In this context, references are expected literally rather than in quotes. Terraform
 * 0.11 and earlier required quotes, but quoted references are now deprecated" (Terraform 1.11, `terraform init`'s
 * warning "Quoted references are deprecated"). Only a plain address or attribute path is unquoted.
 */
function bareReference(line: string): string {
  const m = /^"([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)"(,?)$/.exec(line);
  return m ? `${m[1]}${m[2]}` : unwrapInterpolation(line);
}

/** `"${expr}"` -> `expr` when the string is exactly one interpolation (as `terraform fmt` writes it). */
function unwrapInterpolation(value: string): string {
  const m = /^"\$\{([\s\S]*)\}"(,?)$/.exec(value);
  if (!m) return value;
  const inner = m[1]!;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '{') depth++;
    else if (!quoted && c === '}' && --depth < 0) return value;
  }
  return depth === 0 && !quoted ? `${inner.trim()}${m[2]}` : value;
}

/** Escapes the literal quotes of a one-line quoted value, leaving `${...}` interpolations as they are. */
function escapeTemplateQuotes(value: string): string {
  const m = /^"([\s\S]*)"(,?)$/.exec(value);
  if (!m || !m[1]!.includes('${')) return value;
  const inner = m[1]!;
  let out = '';
  let depth = 0;
  let quoted = false; // inside a string literal within an interpolation
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\') {
      out += c + (inner[i + 1] ?? '');
      i++;
    } else if (depth === 0 && c === '$' && inner[i + 1] === '{') {
      out += '${';
      depth = 1;
      i++;
    } else if (depth === 0) {
      out += c === '"' ? '\\"' : c;
    } else {
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === '{') depth++;
      else if (!quoted && c === '}') depth--;
      out += c;
    }
  }
  return `"${out}"${m[2]}`;
}
