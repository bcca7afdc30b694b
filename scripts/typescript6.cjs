/**
 * Preload (`node --require ./scripts/typescript6.cjs`) for tools that need TypeScript's compiler
 * API (lit-analyzer, web-component-analyzer): `require('typescript')` gets TypeScript 6
 * (`@typescript/typescript6`), since the project's `typescript` is 7, which has no such API.
 */
const { registerHooks } = require('node:module');

registerHooks({
  resolve(specifier, context, nextResolve) {
    return nextResolve(specifier === 'typescript' ? '@typescript/typescript6' : specifier, context);
  },
});
