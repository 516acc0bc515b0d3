// SPDX-License-Identifier: Apache-2.0
/** The TypeScript kernel table: the reference implementation of every kernel in the manifest. */
import type { KernelTable } from "../manifest.js";
import { assemble } from "./assemble.js";
import { einsum } from "./einsum.js";
import { fused } from "./fused.js";
import { gemm } from "./gemm.js";
import { generate } from "./generate.js";
import { combine } from "./reduce/combine.js";
import { reduce } from "./reduce/reduce.js";
import { scan } from "./scan.js";
import { sortKernels } from "./sort/index.js";
import { check } from "./check.js";
import { repeat } from "./repeat.js";
import { reshape } from "./reshape.js";
import { gatherKernels } from "./gather/index.js";
import { cholesky } from "./linalg/cholesky.js";
import { eigh } from "./linalg/eigh.js";
import { gemv, gram } from "./linalg/gram.js";
import { glmGram } from "./linalg/glm-gram.js";
import { inverse, slogdet } from "./linalg/inverse.js";
import { lu } from "./linalg/lu.js";
import { luSolve } from "./linalg/lu-solve.js";
import { qr } from "./linalg/qr.js";
import { svd } from "./linalg/svd.js";
import { triangularSolve } from "./linalg/triangular.js";
import { tileKernels } from "./tiles/index.js";

export const tsKernels: KernelTable = {
  fused,
  reduce,
  combine,
  gemm,
  einsum,
  assemble,
  generate,
  scan,
  check,
  reshape,
  repeat,
  qr,
  cholesky,
  lu,
  luSolve,
  triangularSolve,
  gram,
  glmGram,
  gemv,
  svd,
  eigh,
  inverse,
  slogdet,
  ...tileKernels,
  ...sortKernels,
  ...gatherKernels,
};
