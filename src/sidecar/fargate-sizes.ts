import { FARGATE_CPU_VALUES, FARGATE_MEMORY_BY_CPU } from '../aws/fargate';

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
