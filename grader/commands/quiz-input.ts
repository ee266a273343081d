/**
 * How the quiz gets an answer: with the arrow keys (or a letter) on a terminal, or one line per
 * answer through a pipe, so that it is usable without a mouse, by a screen reader's user typing
 * letters, and by a script. Either way `null` means the learner stopped: answers given so far
 * are kept.
 */
import { emitKeypressEvents, createInterface, type Interface } from 'node:readline';
import { choiceIndex, choiceLetter } from '../engine/grading/quiz-answers.js';

export interface AnswerInput {
  /** The index of the choice given among `count`; `show(marked)` draws the question with the arrow on `marked`. */
  choose(count: number, show: (marked: number | null) => void): Promise<number | null>;
  /** Waits for the learner to go on (a key on a terminal; nothing through a pipe); false when they stop. */
  next(): Promise<boolean>;
  close(): void;
}

/** Letters, one per line: a line that names no choice asks again, the end of input stops. */
export function lineInput(input: NodeJS.ReadableStream, say: (text: string) => void): AnswerInput {
  const lines: Interface = createInterface({ input, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    async choose(count, show) {
      show(null);
      const last = choiceLetter(count - 1);
      for (;;) {
        say(`Your answer (A to ${last}, or q to stop): `);
        const line = await iterator.next();
        if (line.done) {
          say('\n');
          return null;
        }
        const text = line.value.trim();
        if (/^q(uit)?$/i.test(text)) return null;
        const index = choiceIndex(text.replace(/[.)]$/, ''), count);
        if (index !== null) return index;
        say(`"${text.slice(0, 20)}" is not a choice: answer with a letter from A to ${last}.\n`);
      }
    },
    next: async () => true,
    close: () => lines.close(),
  };
}

interface Key {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
}

/** The arrow keys move, Enter (or a letter) answers, q or Escape or Ctrl-C stops. */
export function keyInput(stdin: NodeJS.ReadStream): AnswerInput {
  emitKeypressEvents(stdin);
  stdin.setRawMode(true);
  stdin.resume();
  // Keys come in bursts (a pasted line, a key held down): one chunk emits several keypresses in one
  // go, so they queue here rather than wait for a listener that is not yet back.
  const pending: Key[] = [];
  let waiting: ((pressed: Key) => void) | null = null;
  const onKey = (_text: string, pressed: Key | undefined): void => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(pressed ?? {});
    } else {
      pending.push(pressed ?? {});
    }
  };
  stdin.on('keypress', onKey);
  const key = (): Promise<Key> => {
    const queued = pending.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => (waiting = resolve));
  };
  const stops = (pressed: Key): boolean => pressed.name === 'q' || pressed.name === 'escape' || (pressed.ctrl === true && pressed.name === 'c');
  return {
    async choose(count, show) {
      let marked = 0;
      show(marked);
      for (;;) {
        const pressed = await key();
        if (stops(pressed)) return null;
        if (pressed.name === 'up' || pressed.name === 'k') marked = (marked + count - 1) % count;
        else if (pressed.name === 'down' || pressed.name === 'j') marked = (marked + 1) % count;
        else if (pressed.name === 'return' || pressed.name === 'enter' || pressed.name === 'space') return marked;
        else {
          const index = choiceIndex(pressed.sequence, count);
          if (index !== null) return index;
          continue;
        }
        show(marked);
      }
    },
    async next() {
      return !stops(await key());
    },
    close() {
      stdin.off('keypress', onKey);
      stdin.setRawMode(false);
      stdin.pause();
    },
  };
}
