import fs from 'node:fs';

// How busy the whole machine was during a measurement, from Linux's /proc/stat: a ratio of
// "two instances ÷ one" cannot exceed (CPUs ÷ cores one instance already keeps busy), whatever
// the code does, and the scale-out report prints that bound beside the ratio.

/** Busy (non-idle) CPU seconds since boot, summed over all CPUs; undefined where /proc/stat is missing. */
export function machineBusySeconds(stat?: string): number | undefined {
  let text = stat;
  if (text === undefined) {
    try {
      text = fs.readFileSync('/proc/stat', 'utf8');
    } catch {
      return undefined;
    }
  }
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const ticksPerSecond = 100; // USER_HZ on Linux
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / ticksPerSecond;
}

/** Runs `work` and returns its result with the average number of busy cores meanwhile. */
export async function withBusyCores<T>(work: () => Promise<T>): Promise<{ result: T; busyCores: number | undefined }> {
  const busyBefore = machineBusySeconds();
  const started = performance.now();
  const result = await work();
  const busyAfter = machineBusySeconds();
  const seconds = (performance.now() - started) / 1000;
  return { result, busyCores: busyBefore === undefined || busyAfter === undefined ? undefined : (busyAfter - busyBefore) / seconds };
}
