/** avsc's types-only entry (schema parsing and checking), without the services and streams of the full library. */
declare module 'avsc/etc/browser/avsc-types.js' {
  const avro: { Type: { forSchema(schema: unknown): unknown } };
  export default avro;
}
