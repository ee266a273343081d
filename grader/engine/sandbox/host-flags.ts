/**
 * The V8 flags every sandbox host runs with. The build makes the host's code cache with the same
 * flags (`grader/build.mjs`): V8 ignores a cache made with others.
 */

/** The learner app's heap, in MiB, unless the command line says otherwise. */
export const defaultHeapMb = 256;

/**
 * A host runs each function of Express and express-session only a few hundred times before it
 * ends, so V8's warm-up is most of its work: with type feedback from a function's first call
 * instead of its eighth, a whole-kit grade takes about 10% less of the host's CPU (`npm run bench`).
 */
export function hostV8Flags(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, '--no-lazy-feedback-allocation'];
}
