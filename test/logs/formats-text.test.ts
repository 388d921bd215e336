import { describe, expect, it } from 'vitest';
import { createLineFormat, resolveFormat, formatSpecOf } from '../../src/logs/formats-source.js';

const REF = Date.UTC(2026, 10, 22, 12, 0, 0);
const T = Date.UTC(2026, 10, 22, 11, 58, 1);

/** One example line per built-in layout: the format detection picks, and what it reads. */
const EXAMPLES: [string, string, string, number, Record<string, unknown>][] = [
  ['python-logging', '2026-11-22 11:58:01 ERROR something broke', 'error', T, { message: 'something broke' }],
  [
    'python-logging',
    '2026-11-22 11:58:01,123 - payments.api - WARNING - card declined',
    'warn',
    T + 123,
    { logger: 'payments.api', message: 'card declined' },
  ],
  ['python-logging', '[2026-11-22 11:58:01,123] CRITICAL in app: boom', 'fatal', T + 123, { module: 'app', message: 'boom' }],
  ['python-logging', '2026-11-22 11:58:01,123:ERROR:root:boom', 'error', T + 123, { logger: undefined, message: 'root:boom' }],
  // `%(asctime)s %(levelname)s %(name)s: %(message)s`: syslog-3164 reads these too (host ERROR, tag
  // app.worker) but guesses the level; detection takes the format that read it (issue 16).
  ['python-logging', '2026-11-22 11:58:01,123 ERROR app.worker: job done', 'error', T + 123, { message: 'app.worker: job done' }],
  ['python-logging', '2026-11-22 11:58:01,123 DEBUG app: error: boom', 'debug', T + 123, { message: 'app: error: boom' }],
  [
    'log4j',
    '2026-11-22 11:58:01.123 [main] ERROR com.example.Pay - charge failed',
    'error',
    T + 123,
    { thread: 'main', logger: 'com.example.Pay', message: 'charge failed' },
  ],
  [
    'log4j',
    '2026-11-22T11:58:01.123+01:00 ERROR 4242 --- [payments] [    main] c.e.PayService : charge failed',
    'error',
    T + 123 - 3_600_000,
    { pid: '4242', app: 'payments', thread: 'main', logger: 'c.e.PayService', message: 'charge failed' },
  ],
  ['go-log', '2026/11/22 11:58:01 ERROR something broke user=7', 'error', T, { message: 'something broke user=7' }],
  ['go-log', '2026/11/22 11:58:01.500000 main.go:42: [WARN] slow', 'warn', T + 500, { file: 'main.go:42', message: 'slow' }],
  [
    'rails',
    'E, [2026-11-22T11:58:01.123456 #1234] ERROR -- : something broke',
    'error',
    T + 123,
    { pid: '1234', message: 'something broke' },
  ],
  [
    'syslog-3164',
    '<11>Nov 22 11:58:01 web1 app[99]: something broke',
    'error',
    T,
    { host: 'web1', tag: 'app', pid: '99', message: 'something broke' },
  ],
  [
    'syslog-3164',
    'Nov 22 11:58:01 web1 sshd[99]: error: auth failed',
    'error',
    T,
    { host: 'web1', tag: 'sshd', message: 'error: auth failed' },
  ],
  ['syslog-3164', 'Nov 22 11:58:01 web1 cron[7]: job done', 'info', T, { message: 'job done' }],
  [
    'syslog-5424',
    '<165>1 2026-11-22T11:58:01.000Z web1 app 99 ID47 [exampleSDID@32473 iut="3" eventSource="Application"] something broke',
    'info',
    T,
    { host: 'web1', app: 'app', procid: '99', msgid: 'ID47', iut: '3', eventSource: 'Application', message: 'something broke' },
  ],
  ['syslog-5424', '<11>1 2026-11-22T11:58:01Z web1 app - - - boom', 'error', T, { message: 'boom' }],
  [
    'nginx-error',
    '2026/11/22 11:58:01 [error] 12#12: *5 open() "/x" failed (2: No such file), client: 10.0.0.1, server: example.com, request: "GET /x HTTP/1.1", host: "example.com"',
    'error',
    T,
    { pid: '12', connection: '5', client: '10.0.0.1', server: 'example.com', request: 'GET /x HTTP/1.1', host: 'example.com' },
  ],
  [
    'apache-error',
    '[Sun Nov 22 11:58:01.123456 2026] [proxy:error] [pid 1234:tid 5678] [client 10.0.0.1:5555] AH00898: Error reading from remote server',
    'error',
    T + 123,
    { module: 'proxy', pid: '1234', client: '10.0.0.1:5555', message: 'AH00898: Error reading from remote server' },
  ],
  ['apache-error', '[Sun Nov 22 11:58:01 2026] [error] [client 10.0.0.1] File does not exist: /x', 'error', T, { client: '10.0.0.1' }],
  ['apache-error', '[Sun Nov 22 11:58:01.000001 2026] [core:trace3] [pid 1] x', 'debug', T, {}],
  [
    'docker (python-logging)',
    '{"log":"2026-11-22 11:58:01,123 ERROR something broke\\n","stream":"stderr","time":"2026-11-22T11:58:01.123456789Z"}',
    'error',
    T + 123,
    { stream: 'stderr', message: 'something broke' },
  ],
  [
    'docker (python-logging)',
    '{"log":"2026-11-22 11:58:01,999 DEBUG INFO: nothing\\n","stream":"stdout","time":"2026-11-22T11:58:01.999Z"}',
    'debug',
    T + 999,
    { stream: 'stdout', message: 'INFO: nothing' },
  ],
  [
    'docker (json)',
    '{"log":"{\\"level\\":50,\\"time\\":1,\\"msg\\":\\"boom\\",\\"user\\":7}\\n","stream":"stdout","time":"2026-11-22T11:58:01Z"}',
    'error',
    T,
    { user: 7, stream: 'stdout', message: 'boom' },
  ],
  [
    'docker (level-word)',
    '{"log":"ERROR:root:something broke\\n","stream":"stderr","time":"2026-11-22T11:58:01Z"}',
    'error',
    T,
    { logger: 'root', message: 'something broke' },
  ],
];

describe('plain-text formats', () => {
  it.each(EXAMPLES)('%s: %s', (label, line, level, ts, fields) => {
    const { spec } = resolveFormat({ referenceMs: REF }, [line, line]);
    expect(spec.label).toBe(label);
    const rec = createLineFormat(spec).parse(line);
    expect(rec).toMatchObject({ ts, level });
    for (const [k, v] of Object.entries(fields)) {
      if (k === 'message') expect(rec!.message).toBe(v);
      else expect(rec!.fields[k]).toBe(v);
    }
  });

  it('detection: most lines read, then fewest guessed levels, then the earlier format', () => {
    const python = '2026-11-22 11:58:01,123 ERROR app.worker: job done';
    const syslog = 'Nov 22 11:58:01 web1 cron[7]: job done';
    // Both read the python line; syslog-3164 (earlier) guesses its level: python-logging wins.
    expect(resolveFormat({ referenceMs: REF }, [python]).spec.label).toBe('python-logging');
    // More lines read wins over guessing: syslog-3164 reads both.
    expect(resolveFormat({ referenceMs: REF }, [python, syslog]).spec.label).toBe('syslog-3164');
    // Both read the level from the line: the tie goes to the earlier format (log4j before python-logging).
    expect(resolveFormat({ referenceMs: REF }, ['2026-11-22 11:58:01,123 ERROR app.worker - job done']).spec.label).toBe('log4j');
    // Named, syslog-3164 reads the python line its own way (the name is kept, nothing is guessed over it).
    expect(createLineFormat({ name: 'syslog-3164', referenceMs: REF }).parse(python)).toMatchObject({ level: 'info' });
    // Deterministic: the same sample, the same answer, in any order of calls.
    const sample = [python, syslog, python];
    expect(resolveFormat({ referenceMs: REF }, sample).spec).toEqual(resolveFormat({ referenceMs: REF }, sample).spec);
  });

  it('a user regex: time, level, message, and every other named group as a field', () => {
    const f = createLineFormat(
      formatSpecOf({ regex: String.raw`^(?<time>\S+ \S+) \| (?<level>\w+) \| (?<service>\w+) \| (?<message>.*)$` }, 'Europe/Berlin'),
    );
    const rec = f.parse('2026-11-22 12:58:01 | Error | billing | card declined');
    expect(rec).toMatchObject({ ts: T, level: 'error', message: 'card declined' });
    expect(rec!.fields.service).toBe('billing');
    expect(f.time.zoneless).toBe(1);
    expect(f.parse('2026-11-22 12:58:01 | LOUD | billing | x')).toBeUndefined();
  });
});
