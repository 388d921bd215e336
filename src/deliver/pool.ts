/** Runs tasks with at most `limit` in flight; a slow task holds one slot, never the others. */
export async function runPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  return runKeyedPool(
    tasks.map((run) => ({ key: '', run })),
    limit,
    limit,
  );
}

export interface KeyedTask<T> {
  /** What the task talks to (a receiver's host, the SMTP server, the API): at most `perKey` of one key run at once. */
  key: string;
  run: () => Promise<T>;
}

/**
 * Runs tasks with at most `limit` in flight overall and at most `perKey` per key, so one slow receiver
 * holds at most `perKey` slots and the others keep going. Keys take turns (round robin); within a key,
 * tasks start in the order given. Results are aligned with `tasks`. A task that throws rejects the
 * whole run (delivery tasks report failures as outcomes instead).
 */
export function runKeyedPool<T>(tasks: KeyedTask<T>[], limit: number, perKey: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  if (tasks.length === 0) return Promise.resolve(results);
  const total = Math.max(1, limit);
  const each = Math.max(1, Math.min(perKey, total));
  const queues = new Map<string, number[]>();
  tasks.forEach((t, i) => {
    const q = queues.get(t.key);
    if (q) q.push(i);
    else queues.set(t.key, [i]);
  });
  const heads = new Map<string, number>(); // next index into each queue
  const running = new Map<string, number>();
  // Keys that have queued tasks and a free per-key slot, in turn order (a Map keeps insertion order).
  const ready = new Map<string, true>([...queues.keys()].map((k) => [k, true]));
  let inFlight = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const pump = () => {
      while (inFlight < total && ready.size > 0 && !failed) {
        const key = ready.keys().next().value as string;
        ready.delete(key);
        const q = queues.get(key)!;
        const h = heads.get(key) ?? 0;
        const i = q[h]!;
        heads.set(key, h + 1);
        const r = (running.get(key) ?? 0) + 1;
        running.set(key, r);
        inFlight++;
        if (h + 1 < q.length && r < each) ready.set(key, true); // back of the line: keys take turns
        tasks[i]!.run().then(
          (value) => {
            results[i] = value;
            inFlight--;
            done++;
            running.set(key, running.get(key)! - 1);
            if ((heads.get(key) ?? 0) < q.length) ready.set(key, true);
            if (done === tasks.length) resolve(results);
            else pump();
          },
          (err: unknown) => {
            failed = true;
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      }
    };
    pump();
  });
}
