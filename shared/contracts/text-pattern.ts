/**
 * A contract's `logicalTypeOptions.pattern` as JSON Schema reads it (ajv among them): an ECMA-262
 * regular expression in Unicode mode, matching anywhere in the text unless anchored. Undefined
 * when it is none, which the contract's checks report.
 */
export function patternExpression(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}
