import { Option, type Command } from 'commander';
import { filterOpNamed, NUMERIC_OPS } from '../../model/filter.js';
import { AGGREGATES, FILTER_OPS, type Filter } from '../../model/series.js';
import { numericValue } from '../../model/aggregate.js';
import { levelNamed } from '../../model/levels.js';
import { EXIT, UserError } from '../../util/errors.js';

/**
 * Flags for the rule language's selection, grouping, ratio and lifecycle fields (docs/rules.md,
 * docs/lifecycle.md) on `alerts add` and `alerts update`. Each flag maps to one field; the schema
 * then checks the rule as a whole (and names the rule and field when something does not fit).
 */
export interface RuleLanguageFlags {
  minLevel?: string;
  where?: string[];
  groupBy?: string;
  maxGroups?: string;
  comparison?: string;
  groupLookback?: string;
  denominatorLevel?: string;
  denominatorMinLevel?: string;
  denominatorWhere?: string[];
  minDenominator?: string;
  valueField?: string;
  aggregate?: string;
  emptyWindow?: string;
  recoveryThreshold?: string;
  pendingTicks?: string;
  renotifyMinutes?: string;
  notifyResolved?: string;
  unset?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A level name as the file stores it: aliases (ERROR, warning, critical) normalised; an unknown name is left for the schema to name. */
const levelName = (name: string) => levelNamed(name) ?? name;

/** `--level error` → `error`; `--level ERROR,fatal` → `[error, fatal]`. */
export function levelValue(v: string | undefined): string | string[] | undefined {
  if (v === undefined) return undefined;
  const names = list(v).map(levelName);
  return names.length === 1 ? names[0] : names;
}

function wholeNumber(v: string | undefined, flag: string, min = 1): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min)
    throw new UserError(`${flag} must be a whole number ≥ ${min} (got "${v}")`, { exitCode: EXIT.badInput });
  return Number(v);
}

export function finiteNumber(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(n)) throw new UserError(`${flag} must be a number (got "${v}")`, { exitCode: EXIT.badInput });
  return n;
}

const SYMBOL_OPS = ['==', '!=', '=~', '>=', '<=', '=', '>', '<'];
const WORD_OPS = [...FILTER_OPS, 'eq', 'ne', 'in'];

/**
 * When an equality value (`status = 500`) is written to the rule file as a number: an optional minus,
 * digits, an optional fraction. Numbers for gt/gte/lt/lte are numericValue's, as everywhere.
 */
const NUMERIC_STRING = /^-?[0-9]+(\.[0-9]+)?$/;

/** A value as written on the command line: numbers as numbers (equality compares string forms, so `500` matches "500"). */
const scalarOf = (s: string): string | number => (NUMERIC_STRING.test(s) ? Number(s) : s);

/**
 * One `--where` condition: `FIELD OP VALUE` (`amount >= 100`, `event = payment_failed`,
 * `region in eu,us`, `message =~ ^timeout`, `user exists`), or a JSON object `{"field":…,"op":…,"value":…}`.
 */
function parseWhere(text: string, flag: string): Filter {
  const bad = (why: string) => new UserError(`${flag} "${text}": ${why}`, { exitCode: EXIT.badInput });
  const t = text.trim();
  if (t.startsWith('{')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      throw bad('not valid JSON');
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw bad('must be a JSON object {"field", "op", "value"}');
    return v as Filter; // the schema checks it, naming the field
  }
  const symbol = new RegExp(`^([^\\s=!<>~]+)\\s*(${SYMBOL_OPS.map((o) => o.replace(/[=!~<>]/g, '\\$&')).join('|')})\\s*(.*)$`).exec(t);
  const word = symbol ? undefined : new RegExp(`^(\\S+)\\s+(${WORD_OPS.join('|')})(?:\\s+(.*))?$`, 'i').exec(t);
  const m = symbol ?? word;
  if (!m) throw bad(`expected FIELD OP VALUE, with OP one of ${FILTER_OPS.join(', ')} or = == != in =~ > >= < <=`);
  const op = filterOpNamed(m[2]!.toLowerCase());
  if (!op) throw bad(`unknown op "${m[2]}"`);
  const raw = (m[3] ?? '').trim();
  const field = m[1]!;
  if (op === 'exists') {
    if (raw !== '') throw bad('exists takes no value');
    return { field, op };
  }
  if (raw === '') throw bad('a value is required');
  if (op === 'one_of') return { field, op, value: list(raw).map(scalarOf) };
  if ((NUMERIC_OPS as readonly string[]).includes(op)) {
    // The same numbers the comparison reads in a field (numericValue): 1e3, .5, +3 too.
    const n = numericValue(raw);
    if (n === null) throw bad(`${op} needs a number (got "${raw}")`);
    return { field, op, value: n };
  }
  if (op === 'matches' || op === 'contains') return { field, op, value: raw };
  return { field, op, value: scalarOf(raw) };
}

const UNSETTABLE = [
  'level',
  'min_level',
  'where',
  'group_by',
  'max_groups',
  'comparison',
  'group_lookback_minutes',
  'denominator',
  'min_denominator',
  'value',
  'no_data',
  'recovery_threshold',
  'pending_ticks',
  'renotify_minutes',
  'notify_resolved',
  'sources',
  'notify_email',
  'apialerts_channel',
  'apialerts_tags',
  'apialerts_link',
] as const;

/** The rule-language flags → fields (only those given); `--unset` names fields to remove (update). */
export function languageFieldsFrom(f: RuleLanguageFlags, opts: { update: boolean }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined) out[k] = v;
  };
  set('min_level', f.minLevel === undefined ? undefined : levelName(f.minLevel.trim()));
  set(
    'where',
    f.where?.map((w) => parseWhere(w, '--where')),
  );
  set('group_by', f.groupBy === undefined ? undefined : list(f.groupBy));
  set('max_groups', wholeNumber(f.maxGroups, '--max-groups'));
  set('comparison', f.comparison);
  set('group_lookback_minutes', wholeNumber(f.groupLookback, '--group-lookback'));
  if (f.denominatorLevel !== undefined || f.denominatorMinLevel !== undefined || f.denominatorWhere !== undefined) {
    const d: Record<string, unknown> = {};
    if (f.denominatorLevel !== undefined) d.level = levelValue(f.denominatorLevel);
    if (f.denominatorMinLevel !== undefined) d.min_level = levelName(f.denominatorMinLevel.trim());
    if (f.denominatorWhere !== undefined) d.where = f.denominatorWhere.map((w) => parseWhere(w, '--denominator-where'));
    out.denominator = d;
  }
  set('min_denominator', wholeNumber(f.minDenominator, '--min-denominator'));
  if ((f.valueField === undefined) !== (f.aggregate === undefined))
    throw new UserError('--value-field and --aggregate go together (value: { field, aggregate })', { exitCode: EXIT.badInput });
  if (f.valueField !== undefined) out.value = { field: f.valueField, aggregate: f.aggregate };
  set('no_data', f.emptyWindow);
  set('recovery_threshold', finiteNumber(f.recoveryThreshold, '--recovery-threshold'));
  set('pending_ticks', wholeNumber(f.pendingTicks, '--pending-ticks'));
  set('renotify_minutes', wholeNumber(f.renotifyMinutes, '--renotify-minutes'));
  if (f.notifyResolved !== undefined) {
    if (!/^(true|false)$/.test(f.notifyResolved))
      throw new UserError(`--notify-resolved must be true or false (got "${f.notifyResolved}")`, { exitCode: EXIT.badInput });
    out.notify_resolved = f.notifyResolved === 'true';
  }
  if (f.unset !== undefined) {
    if (!opts.update) throw new UserError('--unset is for alerts update', { exitCode: EXIT.badInput });
    for (const k of list(f.unset)) {
      if (!(UNSETTABLE as readonly string[]).includes(k))
        throw new UserError(`--unset: "${k}" cannot be removed (one of ${UNSETTABLE.join(', ')})`, { exitCode: EXIT.badInput });
      if (k in out) throw new UserError(`--unset ${k} and a flag setting ${k} contradict each other`, { exitCode: EXIT.badInput });
      out[k] = undefined;
    }
  }
  return out;
}

export function addLanguageOptions(cmd: Command, update: boolean): Command {
  cmd
    .option('--min-level <level>', 'count this level and every level above it (instead of --level)')
    .option(
      '--where <cond>',
      'count only entries where FIELD OP VALUE holds, e.g. "amount >= 100", "event = payment_failed", "region in eu,us" (repeatable: all must hold)',
      collect,
    )
    .option('--group-by <fields>', 'comma-separated fields: one alert instance per distinct tuple of their values')
    .option('--max-groups <n>', 'instances per rule and tick (grouped rules; default 100)')
    .addOption(
      new Option('--comparison <how>', 'at_least (count >= threshold, default) or fewer_than (count < threshold)').choices([
        'at_least',
        'fewer_than',
      ]),
    )
    .option('--group-lookback <minutes>', 'grouped fewer_than: groups seen this far back that went quiet (default 1440)')
    .option('--denominator-level <levels>', 'ratio rule: divide by the entries of these levels (comma-separated)')
    .option('--denominator-min-level <level>', 'ratio rule: divide by the entries of this level and above')
    .option('--denominator-where <cond>', 'ratio rule: a condition on the denominator entries (repeatable)', collect)
    .option('--min-denominator <n>', 'ratio rule: do not fire below this many denominator entries')
    .option('--value-field <field>', 'value rule: compare an aggregate of this numeric field (with --aggregate)')
    .addOption(new Option('--aggregate <agg>', 'value rule: how the field is aggregated over the window').choices([...AGGREGATES]))
    .addOption(
      new Option('--empty-window <what>', "no_data: a value rule's window without values keeps the state, is ok, or alerts").choices([
        'keep',
        'ok',
        'alert',
      ]),
    )
    .option('--recovery-threshold <x>', 'resolve only below it (at or above it for fewer_than)')
    .option('--pending-ticks <n>', 'fire after the condition held this many consecutive ticks')
    .option('--renotify-minutes <n>', 're-notify every this many minutes while firing')
    .addOption(new Option('--notify-resolved <bool>', 'send alert.resolved when it recovers').choices(['true', 'false']));
  if (update) cmd.option('--unset <fields>', 'comma-separated fields to remove from the rule, e.g. where,group_by');
  return cmd;
}
