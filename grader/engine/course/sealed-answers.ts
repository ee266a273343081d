/**
 * How a learner's copy holds a quiz's answers: each question's right choice and explanations,
 * encrypted (AES-256-GCM) under a key made from the exercise and the question. The key is no
 * secret, since the quiz program on the learner's machine opens an answer once it is given: this
 * keeps answers from being read by opening a file, nothing more. A self-test can always be cheated;
 * the graded score comes from the instructor's own key (`solutions/<slug>/quiz.json`).
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/** The right choice of a question, and why each choice is right or tempting. */
export interface QuizAnswer {
  /** The index of the right choice, from 0. */
  answer: number;
  /** One explanation per choice, in the order of the choices. */
  why: string[];
}

function keyOf(slug: string, id: string): Buffer {
  return createHash('sha256').update(`session-kit quiz answer\0${slug}\0${id}`).digest();
}

/** The answer sealed as base64 text; the same answer gives the same text, so releases stay reproducible. */
export function sealAnswer(slug: string, id: string, answer: QuizAnswer): string {
  const key = keyOf(slug, id);
  const plain = Buffer.from(JSON.stringify(answer), 'utf8');
  // A nonce drawn from the key and the text: unique per distinct answer, the same on every release.
  const nonce = createHash('sha256').update(key).update(plain).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

/** The answer sealed in `text`, or null when it is not one sealed for this question. */
export function unsealAnswer(slug: string, id: string, text: string): QuizAnswer | null {
  try {
    const box = Buffer.from(text, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(slug, id), box.subarray(0, 12));
    decipher.setAuthTag(box.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(box.subarray(28)), decipher.final()]).toString('utf8');
    const value = JSON.parse(plain) as QuizAnswer;
    return Number.isInteger(value.answer) && Array.isArray(value.why) ? value : null;
  } catch {
    return null;
  }
}
