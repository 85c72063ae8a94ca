import type { ValidateFunction } from 'ajv';

/** The official ODCS v3.1.0 schema as a precompiled Ajv validator (see scripts/build-odcs-validator.ts). */
declare const validate: ValidateFunction;
export default validate;
