/**
 * The few pieces of Node's `util` that avsc (the Avro library the contract importers use)
 * needs in the browser: class inheritance, message formatting, and debug logs (off).
 */
export function inherits(subclass: { prototype: object }, superclass: { prototype: object }): void {
  Object.setPrototypeOf(subclass.prototype, superclass.prototype);
  Object.setPrototypeOf(subclass, superclass);
}

export function format(message: unknown, ...values: unknown[]): string {
  let rest = values;
  const text = String(message).replace(/%[sdjifoO%]/g, (token) => {
    if (token === '%%') return '%';
    const [value, ...others] = rest;
    rest = others;
    return token === '%j' ? JSON.stringify(value) : String(value);
  });
  return [text, ...rest.map(String)].join(' ');
}

export function debuglog(): (...values: unknown[]) => void {
  return () => {};
}

export function deprecate<T>(fn: T): T {
  return fn;
}

export default { inherits, format, debuglog, deprecate };
