import type { Level } from '../model/levels.js';
import type { Window } from '../model/window.js';
/** counts[i][j]: entries at levels[i] in windows[j], summed over every source's timestamps. */
export declare function countWindows(perSource: Map<Level, number[]>[], levels: Level[], windows: Window[]): number[][];
