// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `scan` kernel: inclusive cumsum/cumprod (and the NaN-as-identity variants) along
 * one axis, sequentially like NumPy. Values are first cast to the output dtype, then accumulated
 * in it (float32 rounds every step, integers wrap). The optional carry (block shape with the axis
 * of length 1) is the running value before the block's first element.
 */
import type { Dtype } from "../../array/dtype.js";
import type { KernelFn } from "../manifest.js";
import { castExpr } from "./elementwise/cast.js";
import { H } from "./elementwise/scalar-math.js";
import { MUL } from "./elementwise/templates.js";
import { wrapValue } from "./elementwise/wrap.js";
import { coalesce, forEachRun, sizeOf } from "./nd-iter.js";

const casts = new Map<string, (v: number) => number>();

/** A compiled `astype` of one value from `from` to `to`. */
export function castFn(from: Dtype, to: Dtype): (v: number) => number {
  const key = `${from}>${to}`;
  let f = casts.get(key);
  if (f === undefined) {
    f = new Function("H", `return (v) => ${castExpr(from, to, "v")};`)(H) as (v: number) => number;
    casts.set(key, f);
  }
  return f;
}

export const scan: KernelFn<"scan"> = (inputs, outputs, { op, axis, hasCarry }) => {
  const x = inputs[0]!;
  const out = outputs[0]!;
  if (sizeOf(out.shape) === 0) return;
  const carry = hasCarry ? inputs[1] : undefined;
  const dt = out.dtype;
  const conv = castFn(x.dtype, dt);
  const convCarry = carry ? castFn(carry.dtype, dt) : null;
  const sum = op === "cumsum" || op === "nancumsum";
  const skipNaN = op === "nancumsum" || op === "nancumprod";
  const identity = sum ? 0 : 1;
  const combine = sum ? (a: number, b: number): number => wrapValue(dt, a + b) : MUL[dt];
  const nd = out.shape.length;
  const len = out.shape[axis]!;
  if (axis === nd - 1) {
    // The axis is innermost: one sequential pass per line.
    const lineShape = [...out.shape.slice(0, -1), 1];
    const zero = (s: readonly number[]): number[] => [...s.slice(0, -1), 0];
    const xd = x.data;
    const od = out.data;
    const xa = x.strides[axis]!;
    const oa = out.strides[axis]!;
    forEachRun(lineShape, [x.offset, out.offset, carry?.offset ?? 0], [zero(x.strides), zero(out.strides), carry ? zero(carry.strides) : lineShape.map(() => 0)], ([xi, oi, ci]) => {
      let acc = carry ? convCarry!(carry.data[ci!]!) : identity;
      for (let k = 0, a = xi!, o = oi!; k < len; k++, a += xa, o += oa) {
        const raw = xd[a]!;
        const v = skipNaN && raw !== raw ? identity : conv(raw);
        acc = k === 0 && !carry ? v : combine(acc, v);
        od[o] = acc;
      }
    });
    return;
  }
  // Walk the block as (outer axes) × axis × (inner axes): each step along the axis combines a
  // whole inner slab with the previous slab's results, which streams memory in C order.
  const innerShape = out.shape.slice(axis + 1);
  const outerShape = out.shape.slice(0, axis);
  const cs = carry ? carry.strides : new Array<number>(nd).fill(0);
  const inner = coalesce(innerShape, [x.strides.slice(axis + 1), out.strides.slice(axis + 1), cs.slice(axis + 1)]);
  const n = inner.shape[inner.shape.length - 1]!;
  const [xs, os, ks] = inner.strides.map((s) => s[s.length - 1]!) as [number, number, number];
  const outer = coalesce(outerShape, [x.strides.slice(0, axis), out.strides.slice(0, axis), cs.slice(0, axis)]);
  const xd = x.data;
  const od = out.data;
  const kd = carry?.data;
  const step = out.strides[axis]!;
  const xstep = x.strides[axis]!;
  forEachRun([...outer.shape, 1], [x.offset, out.offset, carry?.offset ?? 0], outer.strides.map((s) => [...s, 0]), (base) => {
    for (let k = 0; k < len; k++) {
      forEachRun(inner.shape, [base[0]! + k * xstep, base[1]! + k * step, base[2]!], inner.strides, ([xi, oi, ki]) => {
        for (let j = 0, a = xi!, o = oi!, c = ki!; j < n; j++, a += xs, o += os, c += ks) {
          const raw = xd[a]!;
          const v = skipNaN && raw !== raw ? identity : conv(raw);
          const prev = k > 0 ? od[o - step]! : kd ? convCarry!(kd[c]!) : identity;
          od[o] = k === 0 && !kd ? v : combine(prev, v);
        }
      });
    }
  });
};
