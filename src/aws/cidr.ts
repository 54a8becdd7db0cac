import { z } from 'zod';

/** IPv4 CIDR arithmetic for the VPCs the stacks create: subnets are computed here so the Terraform shows literals. */

export interface Ipv4Cidr {
  readonly address: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The block, or undefined when the text is not IPv4 CIDR notation. Host bits are not checked (see cidrProblem). */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const m = CIDR.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  return { address: octets.reduce((acc, o) => acc * 256 + o, 0), prefix };
}

/** Why the text is not a usable IPv4 network in CIDR notation, or undefined when it is. */
export function cidrProblem(text: string): string | undefined {
  const m = CIDR.exec(text);
  if (!m) return 'not IPv4 CIDR notation such as 10.0.0.0/16';
  if (m.slice(1, 5).some((o) => Number(o) > 255)) return 'an octet is above 255';
  const block = parseCidr(text);
  if (!block) return 'the prefix length is above 32';
  if (hostBits(block) !== 0) return 'host bits are set (use the network address)';
  return undefined;
}

export function formatCidr(c: Ipv4Cidr): string {
  return `${[24, 16, 8, 0].map((shift) => Math.floor(c.address / 2 ** shift) % 256).join('.')}/${c.prefix}`;
}

/** Terraform's cidrsubnet(): the netnum-th block of `newbits` more prefix bits. */
export function cidrSubnet(base: Ipv4Cidr, newbits: number, netnum: number): Ipv4Cidr {
  const prefix = base.prefix + newbits;
  if (prefix > 32 || netnum < 0 || netnum >= 2 ** newbits)
    throw new Error(`cannot take subnet ${netnum} of /${prefix} from /${base.prefix}`);
  return { address: base.address + netnum * 2 ** (32 - prefix), prefix };
}

/** Splits a block into `2 ** newBits` equal subnets, in address order. */
export function splitCidr(cidr: string, newBits: number): string[] {
  const block = parseCidr(cidr);
  if (!block) throw new Error(`${cidr}: not IPv4 CIDR notation`);
  return Array.from({ length: 2 ** newBits }, (_, i) => formatCidr(cidrSubnet(block, newBits, i)));
}

/** A VPC CIDR block AWS accepts (/16 to /24) whose host bits are zero. */
export const vpcCidrBlock = z.string().superRefine((text, ctx) => {
  const c = parseCidr(text);
  if (!c || c.prefix < 16 || c.prefix > 24) {
    ctx.addIssue({
      code: 'custom',
      message: `'${text}' is not a VPC CIDR block`,
      params: { allowed: 'an IPv4 block from /16 to /24, e.g. 10.0.0.0/16' },
    });
  } else if (hostBits(c) !== 0) {
    ctx.addIssue({
      code: 'custom',
      message: `'${text}' has host bits set`,
      params: { allowed: formatCidr({ address: c.address - hostBits(c), prefix: c.prefix }) },
    });
  }
});

function hostBits(c: Ipv4Cidr): number {
  return c.address % 2 ** (32 - c.prefix);
}
