import { InputError, InternalError, formatProblem } from '../../src/core/errors';
import { TemplateError, renderTemplate } from '../../src/templates/render';
import { SidecarRenderError, renderVariantImages } from '../../src/sidecar/render';

describe('the two error types', () => {
  it('formats a problem with its file and config path, and one without either as the message alone', () => {
    expect(
      formatProblem({ file: 'cfg.yaml', path: 'stacks.sidecar.workers', message: 'too many', allowed: '1 to 32' }),
    ).toBe('cfg.yaml: stacks.sidecar.workers: too many (1 to 32)');
    expect(formatProblem({ file: '', path: '', message: 'workers must be an integer' })).toBe(
      'workers must be an integer',
    );
    expect(InputError.atConfigPath('stacks.ecs', 'bad').inFile('cfg.yaml').message).toBe('cfg.yaml: stacks.ecs: bad');
  });

  it('reports a bad sidecar rendering option as input (exit 2), attributed to the config file by the loader', () => {
    let caught: unknown;
    try {
      renderVariantImages('tcp', { workers: 0 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SidecarRenderError);
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).name).toBe('SidecarRenderError');
    expect((caught as InputError).inFile('cfg.yaml').message).toBe(
      'cfg.yaml: workers must be an integer from 1 to 64, got 0',
    );
  });

  it('reports a template asking for a variable its caller did not give as internal, not as input', () => {
    let caught: unknown;
    try {
      renderTemplate('test/greeting.txt.hbs', {});
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    expect(caught).toBeInstanceOf(InternalError);
    expect(caught).not.toBeInstanceOf(InputError);
    expect((caught as Error).name).toBe('TemplateError');
  });
});
