/**
 * The private channel between the grader and a sandbox host: a socket pair on the host's fd 3,
 * carrying length-prefixed JSON frames. It replaces Node's IPC, whose own code asserts on some
 * messages and would let learner code kill the grader with one `process.send`.
 *
 * Learner code can write to fd 3 as well as the host can, so the grader reads the host's side as
 * hostile: a frame too large, too many frames too fast, or a frame that is not JSON is a
 * violation, reported once, and the grader ends that host. Parsing never throws.
 */

/** Bytes of the length prefix (unsigned, big-endian). */
const headerBytes = 4;

/** Frames into bytes: a 4-byte length, then the JSON text. */
export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const frame = Buffer.allocUnsafe(headerBytes + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, headerBytes);
  return frame;
}

export interface FrameLimits {
  /** The largest frame body accepted, in bytes. */
  maxFrameBytes: number;
  /** Frames accepted at once after a quiet spell (the bucket's size). */
  burstFrames: number;
  /** Frames per second accepted over time (the bucket's refill). */
  framesPerSecond: number;
}

/** Every 8 KiB of a frame counts as one more frame, so that the limit bounds bytes as well. */
const bytesPerToken = 8192;

/** What the grader accepts from a host: far above what an app's session traffic needs. */
export const hostFrameLimits: FrameLimits = { maxFrameBytes: 1024 * 1024, burstFrames: 4000, framesPerSecond: 2000 };

/** What a host accepts from the grader, which it trusts: one exercise's compiled view at most. */
export const graderFrameLimits: FrameLimits = { maxFrameBytes: 64 * 1024 * 1024, burstFrames: Infinity, framesPerSecond: Infinity };

/**
 * Splits a byte stream into frames and parses each. After the first violation it ignores
 * everything: the owner ends the peer.
 */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);
  private tokens: number;
  private lastRefill: number;
  private broken = false;

  constructor(
    private readonly limits: FrameLimits,
    private readonly onFrame: (value: unknown) => void,
    private readonly onViolation: (reason: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limits.burstFrames;
    this.lastRefill = now();
  }

  push(chunk: Buffer): void {
    if (this.broken) return;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (!this.broken && this.pending.length >= headerBytes) {
      const size = this.pending.readUInt32BE(0);
      if (size > this.limits.maxFrameBytes) {
        this.violate(`a frame of ${size} bytes (the limit is ${this.limits.maxFrameBytes})`);
        return;
      }
      if (this.pending.length < headerBytes + size) return;
      const body = this.pending.subarray(headerBytes, headerBytes + size);
      this.pending = this.pending.subarray(headerBytes + size);
      if (!this.takeTokens(1 + Math.floor(size / bytesPerToken))) {
        this.violate(this.tooFast());
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(body.toString('utf8'));
      } catch {
        this.violate('a frame that is not JSON');
        return;
      }
      this.onFrame(value);
    }
  }

  /**
   * Counts `bytes` sent back in answer against the same limit: a request whose answer is large
   * (the whole session store) costs as much as a frame that large.
   */
  charge(bytes: number): void {
    if (!this.broken && !this.takeTokens(Math.floor(bytes / bytesPerToken))) {
      this.violate(this.tooFast());
    }
  }

  /** Makes the reader ignore the rest of the stream (the peer is being ended). */
  stop(): void {
    this.broken = true;
    this.pending = Buffer.alloc(0);
  }

  private tooFast(): string {
    return `more than ${this.limits.framesPerSecond} frames, or ${Math.round((this.limits.framesPerSecond * bytesPerToken) / 1024 / 1024)} MiB, a second`;
  }

  private takeTokens(cost: number): boolean {
    if (this.limits.burstFrames === Infinity) return true;
    const now = this.now();
    this.tokens = Math.min(this.limits.burstFrames, this.tokens + ((now - this.lastRefill) / 1000) * this.limits.framesPerSecond);
    this.lastRefill = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  private violate(reason: string): void {
    this.stop();
    this.onViolation(reason);
  }
}
