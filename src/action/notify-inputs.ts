import { UserError } from '../util/errors.js';
import type { ApiAlertsEvent } from '../events/schema.js';
import { defaultLink, defaultTexts, jobUrl, normalizeStatus, readRunContext, type JobStatus, type RunContext } from '../events/github.js';
import type { Runner } from './runner.js';

/**
 * Every input of action.yml with its default, as the runner substitutes it.
 * test/action/action-yml.test.ts checks this table against action.yml both ways.
 */
export const NOTIFY_INPUTS = {
  api_key: '',
  message: '',
  channel: '',
  event: '',
  title: '',
  tags: '',
  link: '',
  data: '',
  status: '${{ job.status }}',
  job_id: '${{ job.check_run_id }}',
  github_token: '${{ github.token }}',
  server_url: '',
  retries: '2',
  timeout: '30',
  fail_on_error: 'true',
  dry_run: 'false',
} as const;

export const NOTIFY_OUTPUTS = ['sent', 'http_status', 'workspace', 'channel', 'uuid', 'warnings', 'link'] as const;
export type NotifyOutput = (typeof NOTIFY_OUTPUTS)[number];

export interface NotifyConfig {
  /** '' when neither the input nor APIALERTS_API_KEY is set (allowed in a dry run). */
  apiKey: string;
  event: ApiAlertsEvent;
  status: JobStatus;
  serverUrl?: string;
  retries: number;
  timeoutMs: number;
  failOnError: boolean;
  dryRun: boolean;
  /**
   * Set when the default link should open the failing job but the runner gave no job id
   * (GitHub Enterprise Server has no `job.check_run_id`): the jobs API is asked with this token.
   */
  jobLookup?: { ctx: RunContext; token: string };
}

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UserError(`input ${name}: expected true or false, got "${value}"`);
}

function parseNumber(name: string, value: string, min: number, max: number, integer: boolean): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UserError(`input ${name}: expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** `tags: 'deploy, production,'` → ['deploy', 'production'], as v2 does. */
function parseTags(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/**
 * `data` as v2 reads it: invalid JSON fails the step; any JSON value is sent as given (the API
 * documents an object; prepareEvent warns about anything else).
 */
function parseData(value: string): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch (err) {
    throw new UserError(`Invalid JSON provided for "data" input (${(err as Error).message})`);
  }
}

/** The one place inputs are read, validated and turned into the event to send. */
export function readInputs(runner: Runner, env: NodeJS.ProcessEnv): NotifyConfig {
  const input = (name: keyof typeof NOTIFY_INPUTS): string => runner.getInput(name);
  const apiKey = input('api_key') || (env.APIALERTS_API_KEY ?? '').trim();
  const status = normalizeStatus(input('status'));
  const ctx = readRunContext(env);
  const defaults = defaultTexts(ctx, status);
  const tags = parseTags(input('tags'));
  const data = parseData(input('data'));
  const jobId = input('job_id');
  const token = input('github_token');
  const lookUpJob = !input('link') && (status === 'failure' || status === 'cancelled') && !jobUrl(ctx, jobId) && !!token && !!ctx.runId;
  const link = input('link') || defaultLink(ctx, status, jobId);

  const event: ApiAlertsEvent = {
    message: input('message') || defaults.message,
    event: input('event') || defaults.event,
    title: input('title') || defaults.title,
  };
  const channel = input('channel');
  if (channel) event.channel = channel;
  if (tags.length > 0) event.tags = tags;
  if (link) event.link = link;
  if (data !== undefined) event.data = data;

  const config: NotifyConfig = {
    apiKey,
    event,
    status,
    retries: parseNumber('retries', input('retries') || NOTIFY_INPUTS.retries, 0, 10, true),
    timeoutMs: Math.round(parseNumber('timeout', input('timeout') || NOTIFY_INPUTS.timeout, 0.001, 600, false) * 1000),
    failOnError: parseBoolean('fail_on_error', input('fail_on_error') || NOTIFY_INPUTS.fail_on_error),
    dryRun: parseBoolean('dry_run', input('dry_run') || NOTIFY_INPUTS.dry_run),
  };
  const serverUrl = input('server_url') || (env.APIALERTS_SERVER_URL ?? '').trim();
  if (serverUrl) config.serverUrl = serverUrl;
  if (lookUpJob) config.jobLookup = { ctx, token };
  return config;
}
