import { mentionedAddresses, reference } from './references';
import { isObj, str, type Obj } from './values';

/** One resource or data source of a synthesized stack. */
export interface TfBlock {
  /** Resources and data sources; variables, outputs and checks are blocks too (rules name them explicitly). */
  readonly kind: 'resource' | 'data' | 'variable' | 'output' | 'check';
  readonly type: string;
  readonly name: string;
  /** Terraform address: `aws_ecs_service.web` or `data.aws_caller_identity.caller`. */
  readonly address: string;
  /** Its attributes and nested blocks, as written in the JSON (including `//` metadata). */
  readonly body: Obj;
}

/** Read-only view of one synthesized Terraform JSON document, with reference lookups for rules that need them. */
export class StackView {
  public readonly blocks: readonly TfBlock[];
  private readonly byAddress = new Map<string, TfBlock>();
  private readonly byType = new Map<string, TfBlock[]>();

  constructor(
    /** The stack name (from cdktf's metadata) or the file it was read from. */
    public readonly name: string,
    public readonly json: Obj,
  ) {
    const all: TfBlock[] = [];
    for (const kind of ['resource', 'data'] as const) {
      const section = json[kind];
      if (!isObj(section)) continue;
      for (const [type, byName] of Object.entries(section)) {
        if (!isObj(byName)) continue;
        for (const [name, body] of Object.entries(byName)) {
          if (!isObj(body)) continue;
          const address = `${kind === 'data' ? 'data.' : ''}${type}.${name}`;
          const b: TfBlock = { kind, type, name, address, body };
          all.push(b);
          this.byAddress.set(address, b);
          const key = kind === 'data' ? `data.${type}` : type;
          this.byType.set(key, [...(this.byType.get(key) ?? []), b]);
        }
      }
    }
    // Top-level blocks that hold expressions of their own: `variable`, `output`, `check` (type = kind).
    for (const kind of ['variable', 'output', 'check'] as const) {
      const section = json[kind];
      if (!isObj(section)) continue;
      for (const [name, body] of Object.entries(section)) {
        if (!isObj(body)) continue;
        const b: TfBlock = { kind, type: kind, name, address: `${kind === 'variable' ? 'var' : kind}.${name}`, body };
        all.push(b);
        this.byAddress.set(b.address, b);
        this.byType.set(kind, [...(this.byType.get(kind) ?? []), b]);
      }
    }
    this.blocks = all;
  }

  /** Resources of one type (`data.<type>` for data sources). */
  public ofType(type: string): readonly TfBlock[] {
    return this.byType.get(type) ?? [];
  }

  public get(address: string): TfBlock | undefined {
    return this.byAddress.get(address);
  }

  /** The block a value such as `${aws_lb.public.arn}` points at, when it is in this stack. */
  public resolve(value: unknown, ...types: string[]): TfBlock | undefined {
    const ref = reference(value);
    const b = ref ? this.byAddress.get(ref.address) : undefined;
    return b && (types.length === 0 || types.includes(b.type)) ? b : undefined;
  }

  /** Blocks of the given types whose attribute `attr` refers to `target` (e.g. listeners of a load balancer). */
  public referencing(target: TfBlock, type: string, attr: string): TfBlock[] {
    return this.ofType(type).filter((b) => {
      const v = b.body[attr];
      return typeof v === 'string' && mentionedAddresses(v).includes(target.address);
    });
  }

  /** A declared input variable, when the value is exactly `${var.NAME}`. */
  public variableOf(value: unknown): { name: string; sensitive: boolean } | undefined {
    if (typeof value !== 'string') return undefined;
    const m = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(value.trim());
    if (!m) return undefined;
    const variables = this.json.variable;
    const decl = isObj(variables) ? variables[m[1]] : undefined;
    return { name: m[1], sensitive: isObj(decl) && decl.sensitive === true };
  }

  /** The accounts the AWS provider is pinned to (`allowed_account_ids`), when literal. */
  public ownAccountIds(): string[] {
    const providers = isObj(this.json.provider) ? this.json.provider.aws : undefined;
    const list = Array.isArray(providers) ? providers : providers ? [providers] : [];
    return list
      .flatMap((p) => (isObj(p) && Array.isArray(p.allowed_account_ids) ? (p.allowed_account_ids as unknown[]) : []))
      .map(str)
      .filter((s): s is string => s !== undefined);
  }
}
