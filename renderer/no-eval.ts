import { z } from 'zod';

// The app's Content-Security-Policy forbids generating code at run time. zod compiles object
// parsers with `new Function` when it can, and probing whether it can already breaks the policy.
z.config({ jitless: true });
