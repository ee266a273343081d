/**
 * Checks run side by side (lanes of one learner, learners of a class), so on a busy machine a
 * request can miss its deadline through no fault of the app. A check that timed out while other
 * checks were running is run once more alone: every check of this process holds a shared turn,
 * and the retry waits for an exclusive one. A busy machine then never costs an honest learner a
 * point, and an app that truly never answers still fails, alone as in company.
 */

/** One check's turn; `crowded` says whether another check ran at any moment of it. */
export interface Turn {
  crowded: boolean;
  release(): void;
}

interface Waiter {
  alone: boolean;
  start: () => void;
}

const running = new Set<Turn>();
let exclusive = false;
const queue: Waiter[] = [];

function pump(): void {
  while (queue.length > 0) {
    const head = queue[0] as Waiter;
    if (head.alone) {
      if (running.size > 0 || exclusive) return;
      queue.shift();
      exclusive = true;
      head.start();
      return;
    }
    if (exclusive) return;
    queue.shift();
    head.start();
  }
}

function take(alone: boolean): Promise<Turn> {
  return new Promise((resolve) => {
    queue.push({
      alone,
      start: () => {
        const turn: Turn = {
          crowded: false,
          release: () => {
            if (alone) exclusive = false;
            else running.delete(turn);
            pump();
          },
        };
        if (!alone) {
          if (running.size > 0) {
            turn.crowded = true;
            for (const other of running) other.crowded = true;
          }
          running.add(turn);
        }
        resolve(turn);
      },
    });
    pump();
  });
}

/** A turn beside other checks (waits only while a check runs alone). */
export function sharedTurn(): Promise<Turn> {
  return take(false);
}

/** A turn with no other check running. */
export function turnAlone(): Promise<Turn> {
  return take(true);
}
