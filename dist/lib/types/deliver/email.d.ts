import type { Decision } from './types.js';
interface EmailContent {
    subject: string;
    text: string;
    html: string;
    /** The X-Alert-Event header; alert.triggered when absent. */
    event?: string;
}
/** Subject and body: alert name, project, level, threshold, match count, window and time (the seed's fields and more). */
export declare function emailContent(d: Decision, project: string): EmailContent;
export interface Mailer {
    send(to: string, content: EmailContent): Promise<void>;
    close(): void;
}
/**
 * One SMTP transport per run (pooled connection), from a URL such as smtp://user:pass@host:587
 * (STARTTLS required because there are credentials; `?requireTLS=false` allows plain text) or
 * smtps://user:pass@host:465 (TLS from the start). nodemailer is imported only when an
 * email is due, so runs without email never load it.
 */
export declare function createMailer(smtpUrl: string, from: string, timeoutMs: number): Promise<Mailer>;
export {};
