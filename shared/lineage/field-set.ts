/** Fields by the input port they arrive through; names lower-cased, as SQL compares them. */
export class FieldSet {
  private readonly byPort = new Map<string, Set<string>>();

  static of(portId: string, fields: Iterable<string>): FieldSet {
    const set = new FieldSet();
    for (const field of fields) set.add(portId, field);
    return set;
  }

  add(portId: string, field: string): void {
    let fields = this.byPort.get(portId);
    if (!fields) {
      fields = new Set();
      this.byPort.set(portId, fields);
    }
    fields.add(field.toLowerCase());
  }

  addAll(other: FieldSet): void {
    for (const [portId, fields] of other.byPort) for (const field of fields) this.add(portId, field);
  }

  /** `field` lower-cased, as every name this set hands out is. */
  has(portId: string, field: string): boolean {
    return this.byPort.get(portId)?.has(field) ?? false;
  }

  get isEmpty(): boolean {
    return this.byPort.size === 0;
  }

  /** The fields of `other` that are in this set too. */
  intersection(other: FieldSet): FieldSet {
    const common = new FieldSet();
    for (const [portId, fields] of other.byPort) {
      for (const field of fields) if (this.has(portId, field)) common.add(portId, field);
    }
    return common;
  }

  /** The fields of this set that are not in `other`. */
  without(other: FieldSet): FieldSet {
    const left = new FieldSet();
    for (const [portId, fields] of this.byPort) {
      for (const field of fields) if (!other.has(portId, field)) left.add(portId, field);
    }
    return left;
  }

  intersects(other: FieldSet): boolean {
    for (const [portId, fields] of other.byPort) for (const field of fields) if (this.has(portId, field)) return true;
    return false;
  }

  ports(): IterableIterator<string> {
    return this.byPort.keys();
  }

  fieldsOf(portId: string): ReadonlySet<string> {
    return this.byPort.get(portId) ?? new Set();
  }
}
