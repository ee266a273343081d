import type { SourceLocation } from './protocol.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The first place in `text` (a stack trace, or a whole stderr) that points into `file`.
 * Beginners need the line in their own file, not a frame inside Express.
 */
export function locateInText(text: string, file: string): SourceLocation | null {
  const pattern = new RegExp(`${escapeRegExp(file)}:(\\d+):(\\d+)`);
  const match = pattern.exec(text);
  if (!match) return null;
  return { file, line: Number(match[1]), column: Number(match[2]) };
}

/** `Name: message` of an error-like value: the first line of the message only. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0] ?? ''}`.replace(/\s+/g, ' ').trim();
  return `a thrown ${typeof error}: ${String(error)}`.replace(/\s+/g, ' ').slice(0, 300);
}
