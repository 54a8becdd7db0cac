/**
 * Fargate's valid task CPU/memory pairs (Linux), from the ECS developer guide. 8192 and 16384 CPU units need
 * platform version 1.4.0 or later, which is what LATEST resolves to.
 */
export const fargateMemoryByCpu: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

export const fargateCpuValues: readonly number[] = [...fargateMemoryByCpu.keys()];

export interface TaskSize {
  /** Task CPU units (1024 = one vCPU). */
  readonly cpu: number;
  /** Task memory in MiB. */
  readonly memory: number;
}

/** Why a size is not a Fargate size, with the values that would be, or undefined when it is valid. */
export function fargateSizeProblem(size: TaskSize): { field: 'cpu' | 'memory'; message: string; allowed: string } | undefined {
  const memories = fargateMemoryByCpu.get(size.cpu);
  if (!memories) {
    return { field: 'cpu', message: `${size.cpu} is not a Fargate task CPU value`, allowed: `one of ${fargateCpuValues.join(', ')}` };
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

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}
