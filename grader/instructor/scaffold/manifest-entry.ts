/**
 * Appends an exercise to the manifest's source text. The manifest is TypeScript that people edit
 * by hand, with comments, so it is changed as text at the place the TypeScript parser finds (the
 * end of `manifest.exercises`), never regenerated; the result is parsed again before it is used.
 */

type TypeScript = typeof import('typescript');
type Node = import('typescript').Node;
type ArrayLiteral = import('typescript').ArrayLiteralExpression;

/** The manifest's source cannot take the entry; the message says what to do instead. */
export class ManifestShapeError extends Error {}

function unwrap(ts: TypeScript, node: Node): Node {
  let current = node;
  while (ts.isSatisfiesExpression(current) || ts.isAsExpression(current) || ts.isParenthesizedExpression(current)) {
    current = current.expression;
  }
  return current;
}

/** The `exercises: [...]` array of `export const manifest = { ... }`, or null. */
function exercisesArray(ts: TypeScript, source: import('typescript').SourceFile): ArrayLiteral | null {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'manifest' || !declaration.initializer) continue;
      const object = unwrap(ts, declaration.initializer);
      if (!ts.isObjectLiteralExpression(object)) return null;
      for (const property of object.properties) {
        if (!ts.isPropertyAssignment(property) || property.name.getText(source) !== 'exercises') continue;
        const array = unwrap(ts, property.initializer);
        return ts.isArrayLiteralExpression(array) ? array : null;
      }
    }
  }
  return null;
}

function parse(ts: TypeScript, text: string): import('typescript').SourceFile {
  return ts.createSourceFile('manifest.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The whitespace that starts the line holding `position`. */
function indentAt(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/**
 * `manifestSource` with one more element at the end of `manifest.exercises`. `entryFor(indent)`
 * writes the element (ending in `,`), each line starting with `indent`.
 */
export async function withEntryAppended(manifestSource: string, entryFor: (indent: string) => string): Promise<string> {
  const ts = (await import('typescript')).default;
  const source = parse(ts, manifestSource);
  const array = exercisesArray(ts, source);
  if (!array) throw new ManifestShapeError('grader/manifest.ts has no `exercises: [ ... ]` array in `export const manifest`; add the entry by hand');
  const last = array.elements.at(-1);
  let updated: string;
  if (last) {
    const indent = indentAt(manifestSource, last.getStart(source));
    const afterLast = array.elements.hasTrailingComma ? manifestSource.indexOf(',', last.getEnd()) + 1 : last.getEnd();
    const comma = array.elements.hasTrailingComma ? '' : ',';
    updated = `${manifestSource.slice(0, afterLast)}${comma}\n${entryFor(indent)}${manifestSource.slice(afterLast)}`;
  } else {
    const outer = indentAt(manifestSource, array.getStart(source));
    const open = array.getStart(source) + 1;
    updated = `${manifestSource.slice(0, open)}\n${entryFor(`${outer}  `)}\n${outer}${manifestSource.slice(array.getEnd() - 1)}`;
  }
  const syntax = ts.transpileModule(updated, { reportDiagnostics: true, fileName: 'manifest.ts' }).diagnostics ?? [];
  const grown = exercisesArray(ts, parse(ts, updated));
  if (syntax.length > 0 || grown?.elements.length !== array.elements.length + 1) {
    throw new ManifestShapeError('the entry could not be added to grader/manifest.ts cleanly; add it by hand');
  }
  return updated;
}
