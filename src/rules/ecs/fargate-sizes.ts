/**
 * Fargate's valid task sizes (Linux): CPU units -> the memory values (MiB) allowed with it. 8192 and 16384 CPU
 * need platform version 1.4.0 or later (LATEST).
 */
const RANGES: ReadonlyArray<readonly [cpu: number, from: number, to: number, step: number]> = [
  [512, 1024, 4096, 1024],
  [1024, 2048, 8192, 1024],
  [2048, 4096, 16384, 1024],
  [4096, 8192, 30720, 1024],
  [8192, 16384, 61440, 4096],
  [16384, 32768, 122880, 8192],
];

export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map<number, readonly number[]>([
  [256, [512, 1024, 2048]],
  ...RANGES.map(([cpu, from, to, step]): [number, number[]] => [cpu, Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step)]),
]);

/** Memory values allowed with a CPU value, described for a message: `2048-8192 MiB in steps of 1024`. */
export function describeAllowedMemory(cpu: number): string {
  const range = RANGES.find(([c]) => c === cpu);
  if (range) return `${range[1]}-${range[2]} MiB in steps of ${range[3]}`;
  return `${(FARGATE_SIZES.get(cpu) ?? []).join(', ')} MiB`;
}
