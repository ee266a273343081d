/**
 * One HTTP exchange with a learner's app, on node:http: a deadline for the whole answer, and a
 * body cut at a limit, since the app may never answer or may send gigabytes.
 */
import http from 'node:http';
import type net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** When the answer's head arrived, on `performance.now()`: the moment the app answered. */
  at: number;
}

export interface RawRequest {
  /** The app's port on 127.0.0.1. */
  port: number;
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
  bodyLimit: number;
  /** The browser's connection pool: a visitor keeps its connection open between requests. */
  agent: http.Agent;
  /** Told the connection the request goes out on. */
  onSocket?: (socket: net.Socket) => void;
}

/** Why no answer came: the deadline passed, or the connection failed (with its code). */
export class RequestFailed extends Error {
  constructor(
    readonly reason: 'timeout' | 'unreachable',
    readonly code: string,
    /** The request went out on a kept-alive connection, which an earlier answer had come on. */
    readonly reused = false,
    /** Part of the answer had come. */
    readonly answerBegun = false,
  ) {
    super(`${reason}: ${code}`);
  }
}

export function sendRequest(request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, ...(request.body === null ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }) };
    const outgoing = http.request({ host: '127.0.0.1', port: request.port, path: request.path, method: request.method, headers, agent: request.agent });
    const timer = setTimeout(() => {
      outgoing.destroy();
      reject(new RequestFailed('timeout', 'ETIMEDOUT'));
    }, request.timeoutMs);
    if (request.onSocket) outgoing.on('socket', request.onSocket);
    let begun = false;
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new RequestFailed('unreachable', error.code ?? 'closed', outgoing.reusedSocket, begun));
    });
    outgoing.on('response', (response) => {
      begun = true;
      const at = performance.now();
      // Bytes, decoded once at the end: a text decoder for every answer cost more than the answers.
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        bytes += chunk.length;
        if (bytes > request.bodyLimit) {
          clearTimeout(timer);
          response.destroy();
          const text = Buffer.concat(chunks).subarray(0, request.bodyLimit).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: `${text}… (cut at ${request.bodyLimit / 1024} KiB)`, at });
        }
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8'), at });
      });
      response.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new RequestFailed('unreachable', error.code ?? 'closed', outgoing.reusedSocket, true));
      });
    });
    outgoing.end(request.body ?? undefined);
  });
}
