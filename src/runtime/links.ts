// SPDX-License-Identifier: Apache-2.0
/**
 * Simulated network links between in-process nodes. With a bandwidth set, a transfer occupies the
 * sender's outgoing link and the receiver's incoming link for bytes / bandwidth seconds, queued
 * behind earlier transfers on either link (one full-duplex NIC per node). Without one, transfers
 * are just memory copies.
 */
import type { NodeId } from "./messages.js";

export class Links {
  private readonly outFree: number[];
  private readonly inFree: number[];

  /** @param bandwidth bytes per second per link, or null for no throttling. */
  constructor(
    nodes: number,
    private readonly bandwidth: number | null,
  ) {
    this.outFree = new Array<number>(nodes).fill(0);
    this.inFree = new Array<number>(nodes).fill(0);
  }

  /** Milliseconds to wait before a transfer of `bytes` from src to dst completes. */
  reserve(src: NodeId, dst: NodeId, bytes: number): number {
    if (this.bandwidth === null) return 0;
    const now = performance.now();
    const start = Math.max(now, this.outFree[src]!, this.inFree[dst]!);
    const end = start + (bytes / this.bandwidth) * 1000;
    this.outFree[src] = end;
    this.inFree[dst] = end;
    return end - now;
  }
}
