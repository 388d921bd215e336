import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/action/notify-summary.js';

describe('renderSummary', () => {
  it('keeps user text from breaking the table or injecting HTML', () => {
    const md = renderSummary({ message: 'a | b\nc <img src=x>' }, { kind: 'failed', error: '401 Unauthorized' });
    expect(md).toBe(
      [
        '### API Alerts: event NOT sent',
        '',
        '| | |',
        '|---|---|',
        '| Error | 401 Unauthorized |',
        '| Message | a \\| b<br>c &lt;img src=x&gt; |',
        '',
        '',
      ].join('\n'),
    );
  });

  it('lists warnings and attempts for a sent event', () => {
    const md = renderSummary({ message: 'm' }, { kind: 'sent', result: { status: 200, warnings: ['w1', 'w2'], attempts: 3 } });
    expect(md).toContain('| Attempts | 3 |');
    expect(md).toContain('| Warnings | w1<br>w2 |');
    expect(md).not.toContain('Workspace');
  });
});
