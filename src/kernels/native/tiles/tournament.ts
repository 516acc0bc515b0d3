// SPDX-License-Identifier: Apache-2.0
/** A tournament round through LAPACK getrf on a column-major copy of the stacked candidates. */
import { LinAlgError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import { SINGULAR } from "../../ts/linalg/lu-solve.js";
import { candidatesOf, pickedRows, storePicked } from "../../ts/tiles/tournament.js";
import type { LapackAddon } from "../linalg/lapack-addon.js";
import { check, gatherColMajor, matOf, nativeDtype } from "../linalg/operands.js";
import { scratch } from "../linalg/scratch.js";

export function nativeTournament(addon: LapackAddon, fallback: KernelFn<"tournament">): KernelFn<"tournament"> {
  return (inputs, outputs, attrs) => {
    const dtype = outputs[0]!.dtype;
    if (!nativeDtype(dtype)) return fallback(inputs, outputs, attrs);
    const c = candidatesOf(inputs, attrs);
    const r = Math.min(c.m, c.w);
    if (r === 0) return fallback(inputs, outputs, attrs);
    const f32 = dtype === "float32";
    const w = scratch(dtype, c.m * c.w);
    let r0 = 0;
    c.blocks.forEach((_, i) => {
      const b = matOf(inputs[i]!, dtype);
      gatherColMajor(addon, b, w, r0, c.m);
      r0 += b.rows;
    });
    const ipiv = new Int32Array(r);
    const info = addon.getrf(f32, c.m, c.w, w, 0, c.m, ipiv, 0);
    check(info, "getrf");
    if (attrs.raiseSingular && info > 0) throw new LinAlgError(SINGULAR);
    storePicked(c, pickedRows(ipiv.map((p) => p - 1), c.m, r), outputs, attrs.top);
    const lu = outputs[2]!;
    addon.gather(f32, r, c.w, w, 0, 1, c.m, lu.data, lu.offset, c.w);
  };
}
