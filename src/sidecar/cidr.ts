/** Just enough IPv4 CIDR arithmetic to lay out the benchmark VPC's subnets as literal, reviewable values. */

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

interface Ipv4Block {
  readonly address: number;
  readonly prefix: number;
}

/** The block, or a reason it is not a usable IPv4 network in CIDR notation. */
export function parseCidr(cidr: string): Ipv4Block | string {
  const m = CIDR.exec(cidr);
  if (!m) return 'not IPv4 CIDR notation such as 10.0.0.0/16';
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return 'an octet is above 255';
  const prefix = Number(m[5]);
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const hostBits = 32 - prefix;
  if (prefix > 32 || address % 2 ** hostBits !== 0) return 'host bits are set (use the network address)';
  return { address, prefix };
}

/** Splits a block into `2 ** newBits` equal subnets, in address order. */
export function splitCidr(cidr: string, newBits: number): string[] {
  const block = parseCidr(cidr);
  if (typeof block === 'string') throw new Error(`${cidr}: ${block}`);
  const prefix = block.prefix + newBits;
  if (prefix > 32) throw new Error(`${cidr} cannot be split into ${2 ** newBits} subnets`);
  const size = 2 ** (32 - prefix);
  return Array.from({ length: 2 ** newBits }, (_, i) => `${formatAddress(block.address + i * size)}/${prefix}`);
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
