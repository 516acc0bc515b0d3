// SPDX-License-Identifier: Apache-2.0
/**
 * Resolving an index that holds distributed integer arrays. NumPy reports the first
 * out-of-bounds value in index order; known arrays are checked at once, distributed ones only
 * when they run. So when a known array is out of bounds and a distributed one comes with it, the
 * known arrays are distributed too and every bound is checked on the nodes, in NumPy's order
 * (the result then fails with NumPy's first error instead of throwing).
 */
import { classifyPart } from "../../array/index/classify.js";
import { type Index, type IndexPart, toIndexParts } from "../../array/index/parts.js";
import type { ResolvedIndex } from "../../array/index/resolved.js";
import { resolveIndex } from "../../array/index/resolve.js";
import { NDArray } from "../../array/ndarray.js";
import { IndexError } from "../../errors.js";
import { BlockArray } from "../block-array.js";
import { wrap } from "../convert.js";
import { upload } from "../../plan/transfer-local.js";
import { defaultGrid } from "../convert.js";

const INT32_MAX = 2 ** 31 - 1;

/** `resolveIndex`, with the rule above; `made` are the arrays it distributed (dispose after use). */
export function resolveDistributed(index: Index<BlockArray>, shape: readonly number[]): { r: ResolvedIndex<BlockArray>; made: BlockArray[] } {
  try {
    return { r: resolveIndex<BlockArray>(index, shape), made: [] };
  } catch (e) {
    if (!(e instanceof IndexError) || !/^index -?\d+ is out of bounds for axis/.test(e.message)) throw e;
    const parts = toIndexParts(index);
    if (!parts.some((p) => p instanceof BlockArray && p.dtype !== "bool")) throw e;
    const made: BlockArray[] = [];
    const lifted = parts.map((p): IndexPart<BlockArray> => {
      if (p instanceof BlockArray || (!Array.isArray(p) && !(p instanceof NDArray) && !ArrayBuffer.isView(p))) return p;
      const c = classifyPart(p);
      if (c.kind !== "intArray" || Array.from(c.values).some((v) => Math.abs(v) > INT32_MAX)) return p;
      const local = new NDArray(Int32Array.from(c.values), c.shape, "int32");
      const b = wrap(upload(local, defaultGrid(local.shape, "int32")));
      made.push(b);
      return b;
    });
    try {
      return { r: resolveIndex<BlockArray>(lifted, shape), made };
    } catch (again) {
      for (const b of made) b.dispose();
      throw again;
    }
  }
}
