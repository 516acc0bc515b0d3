// SPDX-License-Identifier: Apache-2.0
/** The native `fused` kernel: axes are coalesced here, tiles are evaluated in C++. */
import type { KernelFn } from "../manifest.js";
import { coalesce } from "../ts/nd-iter.js";
import type { NativeAddon } from "./addon.js";
import { encodeGeometry, encodeProgram } from "./encode.js";

export function nativeFused(addon: NativeAddon): KernelFn<"fused"> {
  return (inputs, outputs, { program }) => {
    const out0 = outputs[0];
    if (out0 === undefined) return;
    const views = [...inputs, ...outputs];
    const { shape, strides } = coalesce(
      out0.shape,
      views.map((v) => v.strides),
    );
    if (shape.some((d) => d === 0)) return;
    const e = encodeProgram(program);
    addon.fused(
      e.code,
      e.consts,
      views.map((v) => v.data),
      encodeGeometry(
        shape,
        views.map((v) => v.offset),
        strides,
      ),
    );
  };
}
