import { errorMessage } from '../util/errors.js';
import { hostKey, outcome, type ChannelRun, type ChannelTasks } from './channel.js';
import { createMailer, emailContent, type Mailer } from './email.js';
import { redact } from './redact.js';

/** Email: one task per decision, over one pooled SMTP transport created on first use and closed at the end. */
export function emailChannel(run: ChannelRun): ChannelTasks {
  const { file } = run;
  let mailer: Promise<Mailer> | undefined;
  const smtpUrl = run.env[file.delivery.smtp_url_env];
  const key = `email ${smtpUrl ? hostKey(smtpUrl) : ''}`;
  const tasks: ChannelTasks['tasks'] = [];
  for (const d of run.decisions) {
    if (!d.rule.channels.includes('email') || !d.rule.notify_email) continue;
    tasks.push({
      key,
      run: async () => {
        if (!smtpUrl)
          return [outcome(d, 'email', { status: 'failed', detail: `env ${file.delivery.smtp_url_env} (the SMTP URL) is not set` })];
        try {
          mailer ??= createMailer(smtpUrl, file.delivery.email_from, run.timeoutMs);
          await (await mailer).send(d.rule.notify_email!, emailContent(d, file.project));
          return [outcome(d, 'email', { status: 'delivered', attempts: 1 })];
        } catch (err) {
          return [outcome(d, 'email', { status: 'failed', attempts: 1, detail: redact(errorMessage(err), smtpUrl) })];
        }
      },
    });
  }
  return {
    tasks,
    finish: async () => {
      if (mailer) (await mailer.catch(() => undefined))?.close();
    },
  };
}
