/** An erDiagram as read, before it becomes schema objects: its entities, their attributes and the lines joining them. */

/** Where a token of the diagram is: its line, and its first column and the column after it. */
export interface TokenPlace {
  line: number;
  column: number;
  endColumn: number;
}

export interface Attribute extends TokenPlace {
  type: string;
  name: string;
  keys: Set<string>;
  /** What its comment says: the property's name, whether it is required, or its description. */
  read: CommentReading;
}

export interface CommentReading {
  name: string;
  isRequired: boolean;
  /** An ODCS 3.2 measure, as our export marks one. */
  isMeasure: boolean;
  description?: string;
}

/** Where it is first named. */
export interface Entity extends TokenPlace {
  id: string;
  name: string;
  /** The schema object's name, which references to it use: our export's as labelled, another's made referenceable. */
  objectName: string;
  isOutside: boolean;
  attributes: Attribute[];
}

export interface Relationship extends TokenPlace {
  from: string;
  to: string;
  label: string;
}
