import { readFileSync } from 'node:fs';

/** The machine's CPU time over all cores since boot, in clock ticks: all of it, and what the hypervisor took. */
export interface CpuTicks {
  total: number;
  steal: number;
}

/**
 * The `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal (guest time is already
 * part of user and nice, so it is not added again).
 */
export function parseCpuTicks(stat: string): CpuTicks | undefined {
  const line = stat.split('\n').find((l) => /^cpu\s/.test(l));
  if (!line) return undefined;
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined;
  return { total: fields.reduce((sum, n) => sum + n, 0), steal: fields[7] };
}

/** Undefined where there is no /proc/stat (not Linux). */
export function readCpuTicks(): CpuTicks | undefined {
  try {
    return parseCpuTicks(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Share of the machine's CPU time between two readings that the hypervisor gave to other guests: on a
 * virtual machine whose speed drifts, a slow run with high steal was slowed by its neighbours.
 */
export function stealPercent(before: CpuTicks | undefined, after: CpuTicks | undefined): number | undefined {
  if (!before || !after) return undefined;
  const total = after.total - before.total;
  if (total <= 0) return undefined;
  return (100 * (after.steal - before.steal)) / total;
}
