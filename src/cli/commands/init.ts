import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';
import { configPath, readConfig, writeConfig } from '../config-file.js';

/** Reads one line without echoing it when stdin is a terminal; a plain line from a pipe. */
async function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
  }
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value.trim());
    };
    const onData = (s: string): void => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UserError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Prompt for the API key (input hidden) and store it in the config file (a rule file: apialerts alerts init)')
    .action(async () => {
      const key = await readHidden('API Alerts API key: ');
      if (!key) throw new UserError('no key entered; nothing saved');
      const config = readConfig();
      config.api_key = key;
      await writeConfig(config);
      process.stdout.write(`✓ API key saved to ${configPath()}\n`);
    });
}
