// SPDX-License-Identifier: Apache-2.0
/**
 * Results computed by an asynchronous plan (the layout or the shape depends on data): the inputs
 * are held until the plan has submitted everything that reads them, and the result is a deferred
 * BlockArray (see BlockArray.deferred).
 */
import type { Dtype } from "../array/dtype.js";
import type { ArrayData } from "../plan/array-data.js";
import { BlockArray } from "./block-array.js";
import { wrap } from "./convert.js";

/**
 * A deferred array resolving to what `plan` returns; `inputs` stay held (retained now, released
 * when the plan settles) so the caller may dispose its own handles at once. `known` gives the
 * shape and dtype when only the layout depends on data.
 */
export function deferredArray(inputs: readonly ArrayData[], plan: () => Promise<ArrayData>, known?: { shape: readonly number[]; dtype: Dtype }): BlockArray {
  return deferredArrays(inputs, async () => [await plan()], 1, known ? [known] : undefined)[0]!;
}

/** Like deferredArray for a plan returning several arrays (e.g. `unique` with its extras). */
export function deferredArrays(
  inputs: readonly ArrayData[],
  plan: () => Promise<ArrayData[]>,
  count: number,
  known?: readonly { shape: readonly number[]; dtype: Dtype }[],
): BlockArray[] {
  for (const x of inputs) x.retain();
  const all = plan().then((r) => r.map((d) => wrap(d)));
  void all.finally(() => inputs.forEach((x) => x.release())).catch(() => undefined);
  return Array.from({ length: count }, (_, i) =>
    BlockArray.deferred(
      all.then((arrays) => arrays[i]!),
      known?.[i],
    ),
  );
}
