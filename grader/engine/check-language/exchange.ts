/**
 * The record of one request a check sent and the answer it got: what a visitor returns, what the
 * request log charges failures with, what evidence reads and what a failed check shows.
 */
/** One request and its answer, as the report shows them. */
export interface Exchange {
  visitor: string;
  method: 'GET' | 'POST';
  path: string;
  /** The fields sent in the body, if any. */
  fields: Record<string, string> | null;
  /** True when the fields went as a JSON body rather than as a form. */
  json?: boolean;
  /** The Cookie header sent, if any. */
  cookie: string | null;
  /** The headers the check added (`Accept-Language`), if any. */
  headers?: Record<string, string>;
  status: number;
  /** The body, cut at `bodyLimit` bytes. */
  text: string;
  /** Every Set-Cookie header of the answer. */
  setCookies: string[];
  /** What went wrong inside the app ("the handler threw …"), as the kit's error handling saw it. */
  handlerError: string | null;
  /** When the request left and its answer was in, on the grader's `performance.now()` clock (the store log's). */
  sentAt: number;
  answeredAt: number;
}
