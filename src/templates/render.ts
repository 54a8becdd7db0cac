import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { InternalError } from '../core/errors';
import { PROJECT_ROOT } from '../core/project-root';

/** templates/ of the checkout, so the CLI works from any working directory. */
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'templates');

/** A template asked for a variable the caller did not give: a bug in the caller, not bad input. */
export class TemplateError extends InternalError {
  constructor(template: string, cause: string) {
    super(`template ${template}: ${cause}`, 'TemplateError');
  }
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();
const engine = Handlebars.create();

/**
 * Renders templates/<name> strictly: a missing variable is an error, not an empty string. Output is a pure function
 * of the template and the data (no helpers that read the clock or the environment), so rendered files are
 * deterministic.
 */
export function renderTemplate(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(join(TEMPLATES_DIR, name), 'utf8');
    template = engine.compile(source, { strict: true, noEscape: true });
    compiled.set(name, template);
  }
  try {
    return template(data);
  } catch (err) {
    throw new TemplateError(name, (err as Error).message);
  }
}
