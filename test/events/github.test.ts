import { describe, expect, it } from 'vitest';
import { defaultLink, defaultTexts, jobUrl, normalizeStatus, readRunContext } from '../../src/events/github.js';

const env = {
  GITHUB_SERVER_URL: 'https://ghe.example.com/',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_RUN_ID: '987',
  GITHUB_RUN_ATTEMPT: '3',
  GITHUB_SHA: '0123456789abcdef',
  GITHUB_REF_NAME: 'main',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_JOB: 'ship',
};

describe('links', () => {
  const ctx = readRunContext(env);
  it('links a failure to the job, from GITHUB_SERVER_URL', () => {
    expect(defaultLink(ctx, 'failure', '55501')).toBe('https://ghe.example.com/acme/web/actions/runs/987/job/55501');
    expect(defaultLink(ctx, 'cancelled', '55501')).toBe('https://ghe.example.com/acme/web/actions/runs/987/job/55501');
  });
  it('falls back to the run attempt when the job id is unknown', () => {
    expect(defaultLink(ctx, 'failure', '')).toBe('https://ghe.example.com/acme/web/actions/runs/987/attempts/3');
    expect(defaultLink(ctx, 'failure', 'not-a-number')).toBe('https://ghe.example.com/acme/web/actions/runs/987/attempts/3');
  });
  it('links a success to the run', () => {
    expect(defaultLink(ctx, 'success', '55501')).toBe('https://ghe.example.com/acme/web/actions/runs/987');
    expect(defaultLink(ctx, 'unknown', '')).toBe('https://ghe.example.com/acme/web/actions/runs/987');
  });
  it('has no link outside a run', () => {
    expect(defaultLink(readRunContext({}), 'failure', '1')).toBeUndefined();
  });
});

describe('defaultTexts', () => {
  const ctx = readRunContext(env);
  it('describes each status', () => {
    expect(defaultTexts(ctx, 'success')).toEqual({
      title: 'Deploy succeeded',
      event: 'ci.job.success',
      message: '✅ Deploy #42 succeeded: acme/web on main (0123456), job ship',
    });
    expect(defaultTexts(ctx, 'failure').message).toBe('❌ Deploy #42 failed: acme/web on main (0123456), job ship');
    expect(defaultTexts(ctx, 'cancelled').title).toBe('Deploy was cancelled');
    expect(defaultTexts(ctx, 'unknown').event).toBe('ci.job.completed');
  });
  it('still says something outside a run', () => {
    expect(defaultTexts(readRunContext({}), 'failure')).toEqual({
      title: 'Workflow failed',
      event: 'ci.job.failure',
      message: '❌ Workflow failed',
    });
  });
  it('normalises job.status', () => {
    expect(normalizeStatus(' Success ')).toBe('success');
    expect(normalizeStatus('')).toBe('unknown');
    expect(normalizeStatus('skipped')).toBe('unknown');
  });
});

describe('readRunContext', () => {
  it('trims every value and drops all trailing slashes of the server URL', () => {
    const ctx = readRunContext({ ...env, GITHUB_SERVER_URL: ' https://ghe.example.com// ', GITHUB_REPOSITORY: ' acme/web\n' });
    expect(ctx.serverUrl).toBe('https://ghe.example.com');
    expect(ctx.repository).toBe('acme/web');
    expect(defaultLink(ctx, 'success', '')).toBe('https://ghe.example.com/acme/web/actions/runs/987');
  });

  it.each(['GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID'])('has no run link without %s', (name) => {
    const ctx = readRunContext({ ...env, [name]: '' });
    expect(defaultLink(ctx, 'success', '')).toBeUndefined();
    expect(defaultLink(ctx, 'failure', '55501')).toBeUndefined();
  });

  it('a job id must be all digits', () => {
    const ctx = readRunContext(env);
    for (const id of ['55501x', 'x55501', '5 5']) expect(jobUrl(ctx, id)).toBeUndefined();
    expect(jobUrl(ctx, '55501')).toBe('https://ghe.example.com/acme/web/actions/runs/987/job/55501');
  });
});

describe('each job status', () => {
  it('is recognised in any case', () => {
    expect(['success', ' FAILURE', 'Cancelled '].map(normalizeStatus)).toEqual(['success', 'failure', 'cancelled']);
  });

  it('has its own words, mark and event', () => {
    const ctx = readRunContext(env);
    expect(defaultTexts(ctx, 'cancelled')).toEqual({
      title: 'Deploy was cancelled',
      event: 'ci.job.cancelled',
      message: '⚪ Deploy #42 was cancelled: acme/web on main (0123456), job ship',
    });
    expect(defaultTexts(ctx, 'unknown')).toEqual({
      title: 'Deploy finished',
      event: 'ci.job.completed',
      message: 'ℹ️ Deploy #42 finished: acme/web on main (0123456), job ship',
    });
  });
});
