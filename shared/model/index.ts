/** The mesh document: its types, schema, file format and references. */
export * from './contract';
export * from './data-product';
export * from './domain';
export * from './endpoints';
export * from './ids';
export * from './integrity';
export * from './layout';
export * from './link';
export * from './logical-type';
export * from './mesh';
export * from './mesh-file';
export * from './operational-system';
export * from './policies';
export * from './port';
export * from './problem';
export * from './scenario';
export * from './table';
