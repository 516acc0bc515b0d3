// SPDX-License-Identifier: Apache-2.0
/**
 * When lazy arrays are computed. Elementwise calls only record expressions; at the end of the
 * current synchronous stretch of user code (a microtask) every lazy array that nothing has consumed
 * is materialized, so work starts right away without the user awaiting. An array that was consumed
 * (fused into another expression or a reduction) stays lazy: its consumer computes it inside its
 * own kernels, and it is computed again only if it is later read directly.
 */
import type { ArrayData } from "./array-data.js";
import { materialize } from "./materialize.js";

let pending: ArrayData[] = [];
let scheduled = false;

/** Registers a new lazy array for the next flush. */
export function track(a: ArrayData): void {
  pending.push(a);
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(flush);
  }
}

/** Materializes every pending lazy array nobody consumed. Safe to call at any time. */
export function flush(): void {
  scheduled = false;
  const batch = pending;
  pending = [];
  for (const a of batch) {
    if (a.isHeld && !a.isMaterialized && a.consumers === 0) materialize(a);
  }
}
