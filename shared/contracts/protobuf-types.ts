import type { LogicalType } from '../model/logical-type';

/**
 * Protobuf's scalar types by the ODCS logical type of their values, as the Protobuf import writes
 * them in `physicalType`: every integer width an integer, `float` and `double` a number, `bytes` a
 * string. In the order a column type is offered, the usual ones first.
 */
export const PROTOBUF_SCALAR_TYPES: Readonly<Record<string, LogicalType>> = {
  int32: 'integer',
  int64: 'integer',
  uint32: 'integer',
  uint64: 'integer',
  sint32: 'integer',
  sint64: 'integer',
  fixed32: 'integer',
  fixed64: 'integer',
  sfixed32: 'integer',
  sfixed64: 'integer',
  double: 'number',
  float: 'number',
  string: 'string',
  bytes: 'string',
  bool: 'boolean',
};

/** The well-known message types that hold a point in time, a date or a time of day, by their full names. */
export const PROTOBUF_WELL_KNOWN_TYPES: Readonly<Record<string, LogicalType>> = {
  'google.protobuf.Timestamp': 'timestamp',
  'google.type.Date': 'date',
  'google.type.TimeOfDay': 'time',
};

/** The Protobuf types a `physicalType` holds for each logical type: `int32`…, `google.protobuf.Timestamp`. */
export function protobufTypesByLogicalType(): Record<string, string[]> {
  const byLogicalType: Record<string, string[]> = {};
  for (const [type, logicalType] of Object.entries({ ...PROTOBUF_SCALAR_TYPES, ...PROTOBUF_WELL_KNOWN_TYPES })) {
    byLogicalType[logicalType] = [...(byLogicalType[logicalType] ?? []), type];
  }
  return byLogicalType;
}
