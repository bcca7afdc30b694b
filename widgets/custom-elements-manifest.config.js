/**
 * Custom Elements Manifest analyzer (`cem analyze`, run by scripts/build.ts): dist/custom-elements.json.
 *
 * The elements are registered through `defineElement(tag, Class)` (src/lib/define-element.ts,
 * which skips a tag that is taken) in the `*.define.ts` modules. The analyzer knows only
 * `customElements.define`, so by itself it lists the helper's own call as a definition of a tag
 * named `tag` and none in the modules that really define the tags. `defineElementCalls` puts
 * each definition where it is made.
 */
import { dirname, posix } from 'node:path';

/** A custom element name as the HTML standard allows it (lower case, with a hyphen). */
const TAG = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;

function defineElementCalls() {
  return {
    name: 'define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      // The module the class is imported from (the sources import without an extension).
      const from = node
        .getSourceFile()
        .statements.find(
          (s) =>
            ts.isImportDeclaration(s) &&
            s.importClause?.namedBindings &&
            ts.isNamedImports(s.importClause.namedBindings) &&
            s.importClause.namedBindings.elements.some((e) => e.name.text === element.text),
        );
      const module = from ? `${posix.join(dirname(moduleDoc.path), from.moduleSpecifier.text)}.ts` : moduleDoc.path;
      (moduleDoc.exports ??= []).push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text, module } });
    },
    packageLinkPhase({ customElementsManifest }) {
      // A definition whose name is not a tag (the helper's `customElements.define(tag, element)`) defines nothing.
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || TAG.test(e.name));
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/render/**'],
  outdir: 'dist',
  litelement: true,
  plugins: [defineElementCalls()],
};
