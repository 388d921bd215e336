import type { Level } from '../model/levels.js';
import type { Window } from '../model/window.js';
import { countInWindow } from '../model/window.js';

/** counts[i][j]: entries at levels[i] in windows[j], summed over every source's timestamps. */
export function countWindows(perSource: Map<Level, number[]>[], levels: Level[], windows: Window[]): number[][] {
  return levels.map((level) => {
    const sorted = Float64Array.from(perSource.flatMap((m) => m.get(level) ?? [])).sort();
    return windows.map((w) => countInWindow(sorted, w));
  });
}
