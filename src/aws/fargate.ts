/**
 * Fargate's task sizes (Linux): CPU units -> the memory values (MiB) allowed with it, from the ECS developer guide.
 * 8192 and 16384 CPU need platform version 1.4.0 or later (what LATEST resolves to). The config schemas and the
 * rule pack both read this one table.
 */
const RANGES: ReadonlyArray<readonly [cpu: number, from: number, to: number, step: number]> = [
  [512, 1024, 4096, 1024],
  [1024, 2048, 8192, 1024],
  [2048, 4096, 16384, 1024],
  [4096, 8192, 30720, 1024],
  [8192, 16384, 61440, 4096],
  [16384, 32768, 122880, 8192],
];

export const FARGATE_MEMORY_BY_CPU: ReadonlyMap<number, readonly number[]> = new Map<number, readonly number[]>([
  [256, [512, 1024, 2048]],
  ...RANGES.map(([cpu, from, to, step]): [number, number[]] => [cpu, Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step)]),
]);

export const FARGATE_CPU_VALUES: readonly number[] = [...FARGATE_MEMORY_BY_CPU.keys()];

export function isFargateSize(cpu: number, memory: number): boolean {
  return FARGATE_MEMORY_BY_CPU.get(cpu)?.includes(memory) ?? false;
}

/** The memory values allowed with a CPU value, for a message: `2048 to 8192 in steps of 1024`; undefined for a bad CPU. */
export function describeFargateMemory(cpu: number): string | undefined {
  const range = RANGES.find(([c]) => c === cpu);
  if (range) return `${range[1]} to ${range[2]} in steps of ${range[3]}`;
  return FARGATE_MEMORY_BY_CPU.get(cpu)?.join(', ');
}

export interface TaskSize {
  /** Task CPU units (1024 = one vCPU). */
  readonly cpu: number;
  /** Task memory in MiB. */
  readonly memory: number;
}

/** Why a size is not a Fargate size, with the values that would be, or undefined when it is valid. */
export function fargateSizeProblem(size: TaskSize): { field: 'cpu' | 'memory'; message: string; allowed: string } | undefined {
  const memories = FARGATE_MEMORY_BY_CPU.get(size.cpu);
  if (!memories) {
    return { field: 'cpu', message: `${size.cpu} is not a Fargate task CPU value`, allowed: `one of ${FARGATE_CPU_VALUES.join(', ')}` };
  }
  if (!memories.includes(size.memory)) {
    return {
      field: 'memory',
      message: `${size.memory} MiB is not valid with ${size.cpu} CPU units on Fargate`,
      allowed: `with cpu ${size.cpu}: one of ${memories.join(', ')}`,
    };
  }
  return undefined;
}
