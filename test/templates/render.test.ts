import { renderTemplate, TemplateError } from '../../src/templates/render';

describe('renderTemplate', () => {
  it('renders variables without HTML escaping', () => {
    expect(renderTemplate('test/greeting.txt.hbs', { name: '<nginx & co>', extra: false })).toBe('hello <nginx & co>\n');
  });

  it('fails on a missing variable instead of rendering an empty string', () => {
    expect(() => renderTemplate('test/greeting.txt.hbs', {})).toThrow(TemplateError);
    expect(() => renderTemplate('test/greeting.txt.hbs', {})).toThrow(/"name" not defined/);
  });

  it('is deterministic', () => {
    const data = { name: 'a', extra: 'b' };
    expect(renderTemplate('test/greeting.txt.hbs', data)).toBe(renderTemplate('test/greeting.txt.hbs', data));
  });
});
