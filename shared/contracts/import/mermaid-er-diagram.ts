/** An erDiagram as read, before it becomes schema objects: its entities, their attributes and the lines joining them. */

export interface Attribute {
  type: string;
  name: string;
  keys: Set<string>;
  /** What its comment says: the property's name, whether it is required, or its description. */
  read: CommentReading;
  line: number;
}

export interface CommentReading {
  name: string;
  isRequired: boolean;
  description?: string;
}

export interface Entity {
  id: string;
  name: string;
  line: number;
  isOutside: boolean;
  attributes: Attribute[];
}

export interface Relationship {
  from: string;
  to: string;
  label: string;
  line: number;
}
