import { z } from 'zod';

/** IPv4 CIDR arithmetic for the VPC the stack creates; subnets are computed here so the Terraform shows literals. */

export interface Ipv4Cidr {
  readonly address: number;
  readonly prefix: number;
}

export function parseCidr(text: string): Ipv4Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { address, prefix };
}

export function formatCidr(c: Ipv4Cidr): string {
  const a = c.address;
  return `${Math.floor(a / 2 ** 24) % 256}.${Math.floor(a / 2 ** 16) % 256}.${Math.floor(a / 2 ** 8) % 256}.${a % 256}/${c.prefix}`;
}

/** Terraform's cidrsubnet(): the netnum-th block of `newbits` more prefix bits. */
export function cidrSubnet(base: Ipv4Cidr, newbits: number, netnum: number): Ipv4Cidr {
  const prefix = base.prefix + newbits;
  if (prefix > 32 || netnum < 0 || netnum >= 2 ** newbits) throw new Error(`cannot take subnet ${netnum} of /${prefix} from /${base.prefix}`);
  return { address: base.address + netnum * 2 ** (32 - prefix), prefix };
}

/** A VPC CIDR block AWS accepts (/16 to /24) whose host bits are zero. */
export const cidrBlock = z.string().superRefine((text, ctx) => {
  const c = parseCidr(text);
  if (!c || c.prefix < 16 || c.prefix > 24) {
    ctx.addIssue({ code: 'custom', message: `'${text}' is not a VPC CIDR block`, params: { allowed: 'an IPv4 block from /16 to /24, e.g. 10.0.0.0/16' } });
  } else if (c.address % 2 ** (32 - c.prefix) !== 0) {
    ctx.addIssue({ code: 'custom', message: `'${text}' has host bits set`, params: { allowed: formatCidr({ address: c.address - (c.address % 2 ** (32 - c.prefix)), prefix: c.prefix }) } });
  }
});
