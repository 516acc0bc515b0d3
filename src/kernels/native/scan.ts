// SPDX-License-Identifier: Apache-2.0
/** The native `scan` kernel (native/engine/scan.cc): same semantics as kernels/ts/scan.ts. */
import { DTYPE_CODE } from "../../array/dtype.js";
import type { KernelFn } from "../manifest.js";
import type { NativeAddon } from "./addon.js";
import { encodeGeometry } from "./encode.js";

export function nativeScan(addon: NativeAddon): KernelFn<"scan"> {
  return (inputs, outputs, { op, axis, hasCarry }) => {
    const x = inputs[0]!;
    const out = outputs[0]!;
    const carry = hasCarry ? inputs[1]! : undefined;
    // The carry has length 1 along the axis; its stride there is never used.
    const carryStrides = carry ? carry.strides : out.shape.map(() => 0);
    addon.scan(
      carry ? [x.data, carry.data, out.data] : [x.data, out.data],
      encodeGeometry(out.shape, [x.offset, carry?.offset ?? 0, out.offset], [x.strides, carryStrides, out.strides]),
      axis,
      op === "cumsum" || op === "nancumsum",
      op === "nancumsum" || op === "nancumprod",
      DTYPE_CODE[x.dtype],
      DTYPE_CODE[out.dtype],
      DTYPE_CODE[carry?.dtype ?? out.dtype],
    );
  };
}
