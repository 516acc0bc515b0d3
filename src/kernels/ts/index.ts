// SPDX-License-Identifier: Apache-2.0
/** The TypeScript kernel table: the reference implementation of every kernel in the manifest. */
import type { KernelTable } from "../manifest.js";
import { assemble } from "./assemble.js";
import { einsum } from "./einsum.js";
import { fused } from "./fused.js";
import { gemm } from "./gemm.js";
import { generate } from "./generate.js";
import { combine, reduce } from "./reduce.js";
import { scan } from "./scan.js";

export const tsKernels: KernelTable = { fused, reduce, combine, gemm, einsum, assemble, generate, scan };
