import type { ValidateFunction } from 'ajv';

/** The official ODCS v3.2.0 schema as a precompiled Ajv validator (see scripts/build-odcs-validator.ts). */
declare const validate: ValidateFunction;
export default validate;
