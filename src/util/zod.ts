import { z } from 'zod';

// The rule and state schemas import zod from here, configured once (the event schema uses zod/mini).
// A run parses a few values with them (one rule file, one state file): zod's generated (eval'd) object
// parsers cost ~10 ms to build on a first parse and gain nothing at that size; 10,000 rules parse as
// fast either way. The setting changes speed only, never what a schema accepts.
z.config({ jitless: true });

export { z };
