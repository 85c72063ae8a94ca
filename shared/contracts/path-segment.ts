/** A step of a path into a parsed document: a mapping's key, or a sequence's index. */
export type PathSegment = string | number;
