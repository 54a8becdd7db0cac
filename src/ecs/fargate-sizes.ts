/** Fargate's task sizes: CPU units -> the memory (MiB) range and step it allows (ECS developer guide). */
const FARGATE_MEMORY: Readonly<Record<number, { readonly min: number; readonly max: number; readonly step: number; readonly list?: readonly number[] }>> = {
  256: { min: 512, max: 2048, step: 512, list: [512, 1024, 2048] },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

export const FARGATE_CPU_VALUES: readonly number[] = Object.keys(FARGATE_MEMORY).map(Number);

/** The memory values Fargate accepts with this CPU, as text for an error message; undefined for an invalid CPU. */
export function fargateMemoryChoices(cpu: number): string | undefined {
  const m = FARGATE_MEMORY[cpu];
  if (!m) return undefined;
  return m.list ? m.list.join(', ') : `${m.min} to ${m.max} in steps of ${m.step}`;
}

export function isFargateSize(cpu: number, memory: number): boolean {
  const m = FARGATE_MEMORY[cpu];
  if (!m) return false;
  if (m.list) return m.list.includes(memory);
  return memory >= m.min && memory <= m.max && (memory - m.min) % m.step === 0;
}
