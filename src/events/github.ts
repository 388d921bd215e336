/**
 * What a GitHub Actions run tells us about itself through the environment, and the links and
 * default texts built from it. Always from GITHUB_SERVER_URL, so links work on GHES too.
 */
export type JobStatus = 'success' | 'failure' | 'cancelled' | 'unknown';

export interface RunContext {
  serverUrl: string;
  repository: string;
  runId: string;
  runAttempt: string;
  sha: string;
  refName: string;
  workflow: string;
  runNumber: string;
  job: string;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const get = (name: string): string => (env[name] ?? '').trim();
  return {
    serverUrl: get('GITHUB_SERVER_URL').replace(/\/+$/, ''),
    repository: get('GITHUB_REPOSITORY'),
    runId: get('GITHUB_RUN_ID'),
    runAttempt: get('GITHUB_RUN_ATTEMPT'),
    sha: get('GITHUB_SHA'),
    refName: get('GITHUB_REF_NAME'),
    workflow: get('GITHUB_WORKFLOW'),
    runNumber: get('GITHUB_RUN_NUMBER'),
    job: get('GITHUB_JOB'),
  };
}

/** `${{ job.status }}` is success, failure or cancelled; anything else is kept as unknown. */
export function normalizeStatus(value: string): JobStatus {
  const s = value.trim().toLowerCase();
  return s === 'success' || s === 'failure' || s === 'cancelled' ? s : 'unknown';
}

/** The run page, or one attempt of it; undefined outside a run. */
function runUrl(ctx: RunContext, withAttempt = false): string | undefined {
  if (!ctx.serverUrl || !ctx.repository || !ctx.runId) return undefined;
  const base = `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}`;
  return withAttempt && ctx.runAttempt ? `${base}/attempts/${ctx.runAttempt}` : base;
}

/** The job's page (its log), from the numeric job id `${{ job.check_run_id }}`. */
export function jobUrl(ctx: RunContext, jobId: string): string | undefined {
  const run = runUrl(ctx);
  return run && /^\d+$/.test(jobId) ? `${run}/job/${jobId}` : undefined;
}

/**
 * A failure or cancellation links straight to the job's log (or the failing attempt of the
 * run when the job id is unknown); a success links to the run.
 */
export function defaultLink(ctx: RunContext, status: JobStatus, jobId: string): string | undefined {
  if (status === 'failure' || status === 'cancelled') return jobUrl(ctx, jobId) ?? runUrl(ctx, true);
  return runUrl(ctx);
}

const WORDS: Record<JobStatus, { verb: string; mark: string; event: string }> = {
  success: { verb: 'succeeded', mark: '✅', event: 'success' },
  failure: { verb: 'failed', mark: '❌', event: 'failure' },
  cancelled: { verb: 'was cancelled', mark: '⚪', event: 'cancelled' },
  unknown: { verb: 'finished', mark: 'ℹ️', event: 'completed' },
};

interface DefaultTexts {
  message: string;
  title: string;
  event: string;
}

/**
 * Texts for a bare step: e.g. title "Deploy failed", event "ci.job.failure", message
 * "❌ Deploy #42 failed: acme/web on main (abc1234), job deploy".
 */
export function defaultTexts(ctx: RunContext, status: JobStatus): DefaultTexts {
  const w = WORDS[status];
  const workflow = ctx.workflow || 'Workflow';
  const run = ctx.runNumber ? `${workflow} #${ctx.runNumber}` : workflow;
  const where = [ctx.repository, ctx.refName && `on ${ctx.refName}`, ctx.sha && `(${ctx.sha.slice(0, 7)})`].filter(Boolean).join(' ');
  const job = ctx.job ? `, job ${ctx.job}` : '';
  return {
    title: `${workflow} ${w.verb}`,
    event: `ci.job.${w.event}`,
    message: `${w.mark} ${run} ${w.verb}${where ? `: ${where}` : ''}${job}`,
  };
}
