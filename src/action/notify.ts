// The notify action's entry (dist/notify/index.js); everything happens in run().
import { run } from './notify-run.js';

process.exitCode = await run();
