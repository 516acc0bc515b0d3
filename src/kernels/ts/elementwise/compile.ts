// SPDX-License-Identifier: Apache-2.0
/**
 * Compiles a fused Program into one JS function per (program, broadcast pattern) with
 * `new Function`: registers become locals, each instruction becomes an inline expression
 * (templates.ts), loop-invariant work (consts, broadcast inputs, instructions over them) is
 * hoisted out of the loop. V8 then runs it as a plain typed-array loop, with no closure call or
 * dispatch per element.
 */
import type { Dtype, TypedArray } from "../../../array/dtype.js";
import { type Program, programKey } from "../../program.js";
import { castExpr } from "./cast.js";
import { H } from "./scalar-math.js";
import { MUL, opExpr } from "./templates.js";

/**
 * Evaluates the program over a 1-D run of `n` elements: input v is read at `O[v] + i*S[v]` of
 * `D[v]`, result j is written at `WO[j] + i` of `W[j]`.
 */
export type SegmentFn = (
  n: number,
  D: readonly TypedArray[],
  O: readonly number[],
  S: readonly number[],
  W: readonly TypedArray[],
  WO: readonly number[],
) => void;

const cache = new Map<string, SegmentFn>();
/** Compiled functions kept at most (a long-running worker sees an open-ended set of programs). */
const MAX_CACHE = 2048;

/** The const's value as its register's dtype holds it (the planner may hand us a plain float). */
function constLiteral(dt: Dtype, v: number): string {
  const e = castExpr("float64", dt, String(v));
  // Evaluate once now so the generated source contains a literal.
  const value = new Function("H", `return ${e};`)(H) as number;
  return Object.is(value, -0) ? "-0" : String(value);
}

function source(p: Program, broadcast: readonly boolean[]): string {
  const pre: string[] = [];
  const body: string[] = [];
  const name: string[] = [];
  const invariant: boolean[] = [];
  let tmp = 0;
  for (let v = 0; v < p.nInputs; v++) {
    pre.push(`const d${v} = D[${v}]; let o${v} = O[${v}]; const s${v} = S[${v}];`);
    name[v] = `x${v}`;
    if (broadcast[v]) {
      pre.push(`const x${v} = d${v}[o${v}];`);
      invariant[v] = true;
    } else {
      body.push(`const x${v} = d${v}[o${v}]; o${v} += s${v};`);
      invariant[v] = false;
    }
  }
  for (const [r, value] of p.consts) {
    name[r] = constLiteral(p.regs[r]!, value);
    invariant[r] = true;
  }
  for (const [op, dst, ...args] of p.code) {
    const e = opExpr(
      op,
      args.map((a) => p.regs[a]!),
      p.regs[dst]!,
      args.map((a) => name[a]!),
    );
    const t = `t${tmp++}`;
    const inv = args.every((a) => invariant[a]);
    (inv ? pre : body).push(`const ${t} = ${e};`);
    name[dst] = t;
    invariant[dst] = inv;
  }
  p.results.forEach((r, j) => {
    pre.push(`const w${j} = W[${j}]; const wo${j} = WO[${j}];`);
    body.push(`w${j}[wo${j} + i] = ${name[r]};`);
  });
  return `"use strict";\nreturn function seg(n, D, O, S, W, WO) {\n${pre.join("\n")}\nfor (let i = 0; i < n; i++) {\n${body.join("\n")}\n}\n};`;
}

/** The compiled segment function for `p` when inputs marked in `broadcast` have stride 0. */
export function compileProgram(p: Program, broadcast: readonly boolean[]): SegmentFn {
  const key = `${programKey(p)}|${broadcast.map((b) => (b ? 1 : 0)).join("")}`;
  let fn = cache.get(key);
  if (fn === undefined) {
    fn = new Function("H", "M", source(p, broadcast))(H, MUL) as SegmentFn;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, fn);
  }
  return fn;
}
