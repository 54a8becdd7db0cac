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
  ...RANGES.map(([cpu, from, to, step]): [number, number[]] => [
    cpu,
    Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step),
  ]),
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

/**
 * What memory a config may give with a CPU value, for a message: `with cpu 1024: 2048 to 8192 in steps of 1024` or
 * `with cpu 256: one of 512, 1024, 2048`; undefined for a CPU value Fargate does not have.
 */
export function allowedFargateMemory(cpu: number): string | undefined {
  const memories = FARGATE_MEMORY_BY_CPU.get(cpu);
  if (!memories) return undefined;
  return `with cpu ${cpu}: ${RANGES.some(([c]) => c === cpu) ? describeFargateMemory(cpu) : `one of ${memories.join(', ')}`}`;
}

/**
 * Why a size is not a Fargate size, or undefined when it is valid: the one wording of this problem, used by every
 * config section and construct that takes a task size. `field` is the key at fault (memory unless the CPU value
 * itself is not offered); `allowed` says what that CPU value allows.
 */
export function fargateSizeProblem(
  size: TaskSize,
): { field: 'cpu' | 'memory'; message: string; allowed: string } | undefined {
  const allowed = allowedFargateMemory(size.cpu);
  if (allowed === undefined) {
    return {
      field: 'cpu',
      message: `Fargate does not offer ${size.cpu} CPU units`,
      allowed: `one of ${FARGATE_CPU_VALUES.join(', ')}`,
    };
  }
  if (!isFargateSize(size.cpu, size.memory)) {
    return {
      field: 'memory',
      message: `Fargate does not offer ${size.memory} MiB with ${size.cpu} CPU units`,
      allowed,
    };
  }
  return undefined;
}
