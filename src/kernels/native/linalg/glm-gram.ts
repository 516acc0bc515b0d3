// SPDX-License-Identifier: Apache-2.0
/**
 * The GLM Newton pass through the addon's glmGramPanels (native/lapack_blas.cc): per row of the
 * block η, curvature, residual and loss, then √s-scaled row panels added to C by syrk — each row
 * of A read from memory once.
 */
import type { KernelFn } from "../../manifest.js";
import { glmGramOperands } from "../../ts/linalg/glm-gram.js";
import { mirrorUpper } from "../../ts/linalg/gram.js";
import { expectOutput } from "../../ts/linalg/matrix.js";
import type { LapackAddon } from "./lapack-addon.js";
import { matOf, nativeDtype } from "./operands.js";

const FAMILY = { binomial: 0, poisson: 1, gaussian: 2 } as const;

export function nativeGlmGram(addon: LapackAddon, fallback: KernelFn<"glmGram">): KernelFn<"glmGram"> {
  return (inputs, outputs, attrs) => {
    const [out, p, l] = outputs as [(typeof outputs)[0], (typeof outputs)[0], (typeof outputs)[0]];
    if (!nativeDtype(out.dtype)) return fallback(inputs, outputs, attrs);
    const { order, sw } = glmGramOperands(inputs, attrs);
    expectOutput(out, [order, order], "glmGram output");
    expectOutput(p, [order], "glmGram product output");
    expectOutput(l, [1], "glmGram loss output");
    const dtype = out.dtype;
    const a = matOf(inputs[0]!, dtype);
    const y = matOf(inputs[1]!, dtype);
    const w = sw ? matOf(sw, dtype) : y;
    const beta = matOf(inputs[inputs.length - 1]!, dtype);
    // BLAS may read C even with beta = 0 (0·NaN in a reused buffer), so clear the outputs first.
    out.data.fill(0, out.offset, out.offset + order * order);
    p.data.fill(0, p.offset, p.offset + order);
    l.data[l.offset] = 0;
    if (order === 0) return;
    // β is tiny: hand the kernel a contiguous copy.
    const b = new (dtype === "float32" ? Float32Array : Float64Array)(order);
    for (let j = 0; j < order; j++) b[j] = beta.data[beta.offset + j * beta.rs]!;
    addon.glmGramPanels(
      dtype === "float32", a.rows, a.cols, a.data, a.offset, a.rs, a.cs, FAMILY[attrs.family],
      y.data, y.offset, y.rs, sw !== undefined, w.data, w.offset, w.rs,
      b, 0, attrs.appendOnes, out.data, out.offset, p.data, p.offset, l.data, l.offset,
    );
    mirrorUpper(out, order);
  };
}
