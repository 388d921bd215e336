import type { Command } from 'commander';
import { addDeliveryOptions, deliver, type DeliveryFlags } from './send.js';

export function registerTest(program: Command): void {
  const cmd = program
    .command('test')
    .description('Send a test event (event cli.test) to check the key and the connection')
    .option('-c, --channel <name>', 'channel (default: the workspace default)');
  addDeliveryOptions(cmd).action(async (flags: DeliveryFlags & { channel?: string }) => {
    await deliver(
      {
        message: 'Test event from the apialerts CLI',
        event: 'cli.test',
        title: 'Test event',
        ...(flags.channel ? { channel: flags.channel } : {}),
      },
      flags,
    );
  });
}
