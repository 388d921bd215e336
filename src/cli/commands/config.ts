import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';
import { eventUrl } from '../../events/client.js';
import { configPath, readConfig, writeConfig } from '../config-file.js';

interface ConfigFlags {
  key?: string;
  unset?: boolean;
  serverUrl?: string;
  json?: boolean;
}

export function registerConfig(program: Command): void {
  program
    .command('config')
    .description('Store the API key and server URL in ~/.apialerts/config.json (mode 0600); no flags shows what is set')
    .option('--key <key>', 'store this API key')
    .option('--server-url <url>', 'store this API base URL ("" to clear it)')
    .option('--unset', 'remove the stored key and server URL')
    .option('--json', 'print the result as JSON')
    .action(async (flags: ConfigFlags) => {
      if (flags.unset && (flags.key !== undefined || flags.serverUrl !== undefined)) {
        throw new UserError('--unset cannot be combined with --key or --server-url');
      }
      const file = configPath();
      if (flags.unset) {
        await writeConfig({});
        print(flags, `✓ API key and server URL removed from ${file}`, { file, api_key_set: false, server_url: null });
        return;
      }
      const config = readConfig();
      if (flags.key !== undefined) {
        if (!flags.key.trim()) throw new UserError('--key is empty');
        config.api_key = flags.key.trim();
      }
      if (flags.serverUrl !== undefined) {
        if (flags.serverUrl.trim()) {
          eventUrl(flags.serverUrl.trim()); // rejects a URL we could never post to
          config.server_url = flags.serverUrl.trim();
        } else delete config.server_url;
      }
      const changed = flags.key !== undefined || flags.serverUrl !== undefined;
      if (changed) await writeConfig(config);
      // The key is never printed, not even in part.
      const summary = `${changed ? `✓ Saved ${file}` : file}\n  api_key: ${config.api_key ? 'set' : 'not set'}\n  server_url: ${config.server_url ?? '(default)'}`;
      print(flags, summary, { file, api_key_set: !!config.api_key, server_url: config.server_url ?? null });
    });
}

function print(flags: ConfigFlags, text: string, json: Record<string, unknown>): void {
  process.stdout.write((flags.json ? JSON.stringify(json) : text) + '\n');
}
