// SPDX-License-Identifier: Apache-2.0
/**
 * take, takeAlongAxis, put, compress, nonzero, argwhere and where(condition) against NumPy
 * (scripts/gen/getset_fixtures.py), under every runtime, with the array in three layouts and each
 * index argument given every way the fixture allows (JS lists, NDArrays, BlockArrays laid out
 * differently). Float inputs hold -0.0 and NaN, which must come back bit for bit.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Dtype, allocTyped } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";
import { AxisError, IndexError, ShapeError } from "../../src/errors.js";
import * as nt from "../../src/index.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";

interface InputSpec {
  readonly shape: number[];
  readonly dtype: Dtype;
  readonly special: boolean;
}
interface ArrayArg {
  readonly values: unknown;
  readonly dtype: Dtype;
  readonly shape: number[];
}
interface Case {
  readonly name: string;
  readonly fn: string;
  readonly a: InputSpec;
  readonly args: unknown[];
  readonly options: Record<string, unknown>;
  readonly forms: string[];
  readonly expected?: EncodedArray | EncodedArray[];
  readonly error?: { type: string; message: string };
}

const { cases } = readFixture<{ cases: Case[] }>("getset/functions.json");

/** values(i) = (7i mod 11) - 3 (bool: odd), with -0.0 and NaN in `special` float arrays. */
function makeInput(spec: InputSpec, layout: number): nt.BlockArray {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  const data = allocTyped(spec.dtype, size);
  for (let i = 0; i < size; i++) {
    const v = ((7 * i) % 11) - 3;
    data[i] = spec.dtype === "bool" ? (((v % 2) + 2) % 2 === 1 ? 1 : 0) : v;
    if (spec.special && i % 5 === 1) data[i] = -0;
    if (spec.special && i % 7 === 3) data[i] = NaN;
  }
  return nt.array(new NDArray(data, spec.shape, spec.dtype), { blockShape: layoutsFor(spec.shape)[layout]!.blockShape });
}

/** JSON-safe values back to numbers ("NaN", "Infinity" strings). */
function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  return v;
}

function isArrayArg(v: unknown): v is ArrayArg {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "dtype" in v;
}

/** An argument in `form`; BlockArrays made are collected for disposal. */
function argIn(v: unknown, form: string, layout: number, made: nt.BlockArray[]): unknown {
  if (!isArrayArg(v)) return revive(v);
  const values = revive(v.values);
  if (form === "js") return values;
  const flat = (Array.isArray(values) ? (values as unknown[]).flat(Infinity) : [values]) as (number | boolean)[];
  const data = allocTyped(v.dtype, flat.length);
  flat.forEach((x, i) => (data[i] = Number(x)));
  const local = new NDArray(data, v.shape, v.dtype);
  if (form === "ndarray") return local;
  const b = nt.array(local, { blockShape: layoutsFor(v.shape)[(layout + 1) % 3]!.blockShape });
  made.push(b);
  return b;
}

function call(c: Case, a: nt.BlockArray, args: unknown[]): nt.BlockArray | nt.BlockArray[] {
  const o = c.options;
  const api = nt as unknown as Record<string, (...x: unknown[]) => nt.BlockArray | nt.BlockArray[]>;
  switch (c.fn) {
    case "take":
      return nt.take(a, args[0] as nt.ArrayLike, o as nt.TakeOptions);
    case "takeAlongAxis":
      return nt.takeAlongAxis(a, args[0] as nt.ArrayLike, o.axis as number | null);
    case "put":
      nt.put(a, args[0] as nt.ArrayLike, args[1] as nt.ArrayLike, o as nt.PutOptions);
      return a;
    case "compress":
      return nt.compress(args[0] as nt.ArrayLike, a, o as nt.CompressOptions);
    case "where":
      return nt.where(a);
    default:
      return api[c.fn]!(a);
  }
}

/** NumPy's exception as numts's class (ValueError has no twin: shapes, or a bad option value). */
function expectedClass(e: { type: string; message: string }): new (...args: never[]) => Error {
  if (e.type === "IndexError") return IndexError;
  if (e.type === "AxisError") return AxisError;
  if (e.type === "TypeError") return TypeError;
  return e.message.startsWith("clipmode") ? RangeError : ShapeError;
}

/** Same dtype, shape and bits (-0.0 is not 0.0; NaN equals NaN). */
function assertBits(got: NDArray, want: NDArray, label: string): void {
  assert.equal(got.dtype, want.dtype, `${label} dtype`);
  assert.deepEqual([...got.shape], [...want.shape], `${label} shape`);
  for (let i = 0; i < want.size; i++) {
    const g = got.data[i]!;
    const w = want.data[i]!;
    assert.ok(Object.is(g, w) || (Number.isNaN(g) && Number.isNaN(w)), `${label} element ${i}: got ${g}, expected ${w}`);
  }
}

async function check(c: Case, form: string, layout: number): Promise<void> {
  const a = makeInput(c.a, layout);
  const made: nt.BlockArray[] = [];
  const results: nt.BlockArray[] = [];
  const label = `${c.name} [${form}]`;
  try {
    const args = c.args.map((v) => argIn(v, form, layout, made));
    if (c.error) {
      const e = c.error;
      await assert.rejects(
        async () => {
          const out = call(c, a, args);
          for (const r of Array.isArray(out) ? out : [out]) {
            results.push(r);
            await r.toArray();
          }
        },
        (err: unknown) => {
          assert.ok(err instanceof expectedClass(e), `${label}: ${String(err)} should be a ${expectedClass(e).name}`);
          assert.equal((err as Error).message, e.message, label);
          return true;
        },
      );
      return;
    }
    const out = call(c, a, args);
    results.push(...(Array.isArray(out) ? out : [out]));
    const expected = Array.isArray(c.expected) ? c.expected : [c.expected!];
    assert.equal(results.length, expected.length, `${label}: number of results`);
    for (let i = 0; i < expected.length; i++) assertBits(await results[i]!.toArray(), decodeArray(expected[i]!), `${label} result ${i}`);
  } finally {
    for (const r of results) if (r !== a) r.dispose();
    a.dispose();
    for (const b of made) b.dispose();
  }
}

describeRuntimes("indexing functions vs NumPy", () => {
  for (const c of cases) {
    for (const form of c.forms) {
      const layouts = layoutsFor(c.a.shape).map((l) => l.name);
      test(`${c.name} [${form}]`, async () => {
        for (let layout = 0; layout < layouts.length; layout++) await check(c, form, layout);
      });
    }
  }
});
