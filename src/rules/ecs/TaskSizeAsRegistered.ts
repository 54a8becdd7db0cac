import { defineRule, notApplicable, verdict } from '../rule';
import { str } from '../../terraform/json';

/**
 * Task-level cpu and memory in the integer units ECS stores, so the next plan does not replace the task definition.
 *
 * ECS rewrites unit strings (docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html): "The cpu
 * value can be expressed in CPU units or vCPUs in a task definition. It's converted to an integer indicating the CPU
 * units when the task definition is registered. The memory value can be expressed in MiB or GB in a task definition.
 * It's converted to an integer indicating the MiB when the task definition is registered." The provider compares them
 * as plain strings that force replacement (hashicorp/terraform-provider-aws, internal/service/ecs/task_definition.go:
 * `"cpu": { Type: schema.TypeString, Optional: true, ForceNew: true }`, the same for `"memory"`, no DiffSuppressFunc).
 * Reported as hashicorp/terraform-provider-aws#42780: "when Terraform does a plan it sees the value as `256` is not
 * equal to `.25 vCPU` and wants to force a replacement".
 */
export default defineRule({
  id: 'ECS-TaskSizeAsRegistered',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task) => {
    const sizes = [
      { attribute: 'cpu', value: task.body.cpu, unit: /^([\d.]+)\s*vcpu$/i, stored: 'CPU units' },
      { attribute: 'memory', value: task.body.memory, unit: /^([\d.]+)\s*gb$/i, stored: 'MiB' },
    ].filter((s) => typeof s.value === 'number' || str(s.value) !== undefined);
    if (sizes.length === 0) return notApplicable;
    const problems = sizes
      .filter((s) => !/^\d+$/.test(String(s.value).trim()))
      .map((s) => {
        const m = s.unit.exec(String(s.value).trim());
        const as = m
          ? `ECS stores ${Math.round(Number(m[1]) * 1024)} (${s.stored})`
          : `ECS stores an integer (${s.stored})`;
        return `${s.attribute} "${String(s.value)}": ${as}, so every plan replaces the task definition`;
      });
    return verdict(problems);
  },
});
