// The evaluate action's entry (dist/evaluate/index.js); everything happens in run().
import { run } from './evaluate-run.js';

await run();
