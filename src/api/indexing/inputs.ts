// SPDX-License-Identifier: Apache-2.0
/** The index arrays of a resolved index as distributed arrays, for the matching gather and scatter. */
import { NDArray } from "../../array/ndarray.js";
import type { ResolvedIndex } from "../../array/index/resolved.js";
import type { ArrayData } from "../../plan/array-data.js";
import type { BoundsSpec } from "../../plan/indexing/bounds.js";
import type { IndexInput } from "../../plan/indexing/opaque-gather.js";
import { upload } from "../../plan/transfer-local.js";
import type { BlockArray } from "../block-array.js";
import { defaultGrid } from "../convert.js";

export interface IndexInputs {
  /** One per array entry of the index, in order (0-d booleans have none). */
  readonly inputs: IndexInput[];
  /** The distributed ones, whose bounds the nodes check (known ones were checked already). */
  readonly checks: BoundsSpec[];
  /** Releases the arrays uploaded for known entries. */
  release(): void;
}

/** Known integer arrays are uploaded (int32); BlockArrays are used as they are. */
export function indexInputs(r: ResolvedIndex<BlockArray>): IndexInputs {
  const inputs: IndexInput[] = [];
  const checks: BoundsSpec[] = [];
  const uploaded: ArrayData[] = [];
  for (const e of r.advanced?.entries ?? []) {
    if (e.kind === "array") {
      const local = new NDArray(Int32Array.from(e.values), e.shape, "int32");
      const data = upload(local, defaultGrid(local.shape, "int32"));
      uploaded.push(data);
      inputs.push({ axis: e.axis, size: r.sourceShape[e.axis]!, data, known: e.values });
    } else if (e.kind === "opaque") {
      const input = { axis: e.axis, size: e.size, data: e.source.data };
      inputs.push(input);
      checks.push(input);
    } else if (e.kind === "mask") {
      throw new Error("internal: masks must be replaced by their nonzero() arrays first");
    }
  }
  return { inputs, checks, release: () => uploaded.forEach((d) => d.release()) };
}
