import { sendEvent } from '../events/client.js';
import { errorMessage } from '../util/errors.js';
import { hostKey, outcome, type ChannelRun, type ChannelTasks } from './channel.js';
import { pushEvent } from './push.js';
import { redact } from './redact.js';

/** Push through API Alerts: one task per decision. */
export function pushChannel(run: ChannelRun): ChannelTasks {
  const { file, env } = run;
  const apiKey = env[file.delivery.apialerts_key_env];
  const key = `apialerts ${hostKey(env.APIALERTS_SERVER_URL ?? 'https://api.apialerts.com')}`;
  const tasks: ChannelTasks['tasks'] = [];
  for (const d of run.decisions) {
    if (!d.rule.channels.includes('apialerts')) continue;
    tasks.push({
      key,
      run: async () => {
        if (!apiKey)
          return [
            outcome(d, 'apialerts', { status: 'failed', detail: `env ${file.delivery.apialerts_key_env} (the API Alerts key) is not set` }),
          ];
        try {
          const r = await sendEvent(pushEvent(d, file.project), {
            apiKey,
            integration: 'apialerts-evaluate',
            env,
            timeoutMs: run.timeoutMs,
            ...(env.APIALERTS_SERVER_URL ? { serverUrl: env.APIALERTS_SERVER_URL } : {}),
          });
          return [outcome(d, 'apialerts', { status: 'delivered', attempts: r.attempts, http_status: r.status })];
        } catch (err) {
          const status = (err as { status?: number }).status;
          return [
            outcome(d, 'apialerts', {
              status: 'failed',
              attempts: 1,
              ...(status ? { http_status: status } : {}),
              detail: redact(errorMessage(err), apiKey),
            }),
          ];
        }
      },
    });
  }
  return { tasks };
}
