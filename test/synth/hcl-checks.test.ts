import { parse } from '@cdktf/hcl2json';
import { hclString, renderCheckBlocks } from '../../src/synth/hcl-checks';
import type { Json } from '../helpers/json';

describe('check blocks in the HCL review copy', () => {
  it('escapes quotes, backslashes and newlines outside interpolations only', () => {
    expect(hclString('say "hi"\\ ${join(", ", ["a", "b"])} {x}\n')).toBe(
      '"say \\"hi\\"\\\\ ${join(", ", ["a", "b"])} {x}\\n"',
    );
    expect(hclString('${merge({a = {b = 1}}, {})} done')).toBe('"${merge({a = {b = 1}}, {})} done"');
  });

  it('writes whole templates as bare expressions, other values as strings or literals', async () => {
    const hcl = renderCheckBlocks({
      check: {
        c: {
          data: { http: { site: { url: 'https://example.com/${var.path}', retries: 2 } } },
          assert: [
            {
              condition: '${data.http.site.status_code == 200}',
              error_message: 'status ${data.http.site.status_code}, not "200"',
            },
          ],
        },
      },
    });
    expect(hcl).toContain('condition = data.http.site.status_code == 200');
    expect(hcl).toContain('url = "https://example.com/${var.path}"');
    expect(hcl).toContain('retries = 2');
    const parsed = (await parse('c.tf', hcl)) as Json;
    expect(parsed.check.c[0].assert[0]).toEqual({
      condition: '${data.http.site.status_code == 200}',
      error_message: 'status ${data.http.site.status_code}, not "200"',
    });
    expect(parsed.check.c[0].data.http.site[0]).toEqual({ url: 'https://example.com/${var.path}', retries: 2 });
  });

  it('renders nothing without check blocks', () => {
    expect(renderCheckBlocks({ resource: {} })).toBe('');
  });
});
