/**
 * A one-line progress display on stderr for long reads, shown only on a terminal: redirected or
 * piped output (cron, CI) stays clean, and stdout stays for results.
 */
interface Progress {
  update(p: { source: string; bytesRead: number; bytesTotal?: number }): void;
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function createProgress(stream: NodeJS.WriteStream = process.stderr, intervalMs = 100): Progress {
  if (!stream.isTTY) return silent;
  const started = Date.now();
  const read = new Map<string, number>();
  let lastDraw = 0;
  let drawn = false;
  return {
    update({ source, bytesRead, bytesTotal }) {
      read.set(source, (read.get(source) ?? 0) + bytesRead);
      const now = Date.now();
      if (now - lastDraw < intervalMs) return;
      lastDraw = now;
      const total = [...read.values()].reduce((a, b) => a + b, 0);
      const rate = total / Math.max(0.001, (now - started) / 1000);
      const name = source.length > 40 ? `…${source.slice(-39)}` : source;
      const bar = bytesTotal ? ` ${barOf(read.get(source)! / bytesTotal)}` : '';
      const columns = stream.columns ?? 80;
      stream.write(`\r${`reading ${name}${bar} ${mb(total)} at ${mb(rate)}/s`.slice(0, columns - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function barOf(fraction: number, width = 20): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}%`;
}
