/** The cost estimate's view of Terraform JSON: the project's one reader (src/terraform/json), plus a defaulting `num`. */
import { num as literalNumber } from '../terraform/json/values';

export {
  labelOf,
  resolveRef,
  resourcesOf,
  resourceTypes,
  type Attributes,
  type Resource,
  type TerraformDocument as TerraformResources,
} from '../terraform/json/document';

/** Whether a value (any expression inside it) refers to the given resource. */
export function refersTo(value: unknown, target: { readonly type: string; readonly name: string }): boolean {
  return JSON.stringify(value ?? null).includes(`${target.type}.${target.name}.`);
}

/** A literal number (a number, or a string holding one), else the fallback (absent or known only at plan time). */
export function num(value: unknown, fallback: number): number {
  return literalNumber(value) ?? fallback;
}
