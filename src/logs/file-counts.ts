import type { Level } from '../model/levels.js';
import type { Window } from '../model/window.js';
import { countsInWindows } from '../model/window.js';

/** counts[i][j]: entries at levels[i] in windows[j], summed over every source's timestamps. */
export function countWindows(perSource: Map<Level, number[]>[], levels: Level[], windows: Window[]): number[][] {
  return levels.map((level) => {
    const counts = windows.map(() => 0);
    for (const m of perSource) countsInWindows(m.get(level) ?? [], windows).forEach((n, j) => (counts[j]! += n));
    return counts;
  });
}
