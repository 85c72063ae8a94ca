// Electronegativity parses TypeScript with @typescript-eslint/typescript-estree 4, which needs the
// TypeScript 4 compiler API. npm hoists that parser next to the project's own TypeScript 7, where
// `require('typescript')` finds the wrong one; this sends that require to the TypeScript 4 that
// Electronegativity ships in its own node_modules. Nothing else is touched.
const Module = require('node:module');
const path = require('node:path');

const typescript4 = require.resolve('typescript', {
  paths: [path.dirname(require.resolve('@doyensec/electronegativity/package.json'))],
});
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTypescript4ForEstree(request, parent, ...rest) {
  if (request === 'typescript' && parent?.filename?.includes(`${path.sep}@typescript-eslint${path.sep}`)) {
    return typescript4;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
