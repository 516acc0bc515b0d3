// SPDX-License-Identifier: Apache-2.0
/** Panel LU through LAPACK getrf (recursive, level-3) on a column-major copy of the stacked tiles. */
import { LinAlgError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import { SINGULAR } from "../../ts/linalg/lu-solve.js";
import { panelOperands, storeInterchanges } from "../../ts/tiles/panel-lu.js";
import type { LapackAddon } from "../linalg/lapack-addon.js";
import { check, gatherColMajor, matOf, nativeDtype } from "../linalg/operands.js";
import { scratch } from "../linalg/scratch.js";

export function nativePanelLu(addon: LapackAddon, fallback: KernelFn<"panelLu">): KernelFn<"panelLu"> {
  return (inputs, outputs, attrs) => {
    const dtype = outputs[0]?.dtype ?? "float64";
    if (!nativeDtype(dtype)) return fallback(inputs, outputs, attrs);
    const { tiles, m, w } = panelOperands(inputs, outputs);
    if (m === 0 || w === 0) return fallback(inputs, outputs, attrs);
    const f32 = dtype === "float32";
    const a = scratch(dtype, m * w);
    let r0 = 0;
    tiles.forEach((_, i) => {
      const t = matOf(inputs[i]!, dtype);
      gatherColMajor(addon, t, a, r0, m);
      r0 += t.rows;
    });
    const ipiv = new Int32Array(Math.min(m, w));
    const info = addon.getrf(f32, m, w, a, 0, m, ipiv, 0);
    check(info, "getrf");
    if (attrs.raiseSingular && info > 0) throw new LinAlgError(SINGULAR);
    r0 = 0;
    tiles.forEach((t, i) => {
      const out = outputs[i]!;
      if (t.rows > 0) addon.gather(f32, t.rows, w, a, r0, 1, m, out.data, out.offset, w);
      r0 += t.rows;
    });
    storeInterchanges(outputs[tiles.length]!, ipiv, attrs.top, 1);
  };
}
